namespace DirectiveFlow.Web.Components.Shared;

/// <summary>
/// The services word their refusals as "Vietnamese. / English." for API clients; the UI shows the half in the
/// reader's language.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string Pick(string message, bool english)
    {
        var at = message.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }

        return english ? message[(at + Separator.Length)..].Trim() : message[..at].Trim();
    }
}
