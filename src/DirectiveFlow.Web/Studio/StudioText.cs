using System.Globalization;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// The studio's words, looked up by key (<c>Studio.*</c>) in the UI catalogues (<see cref="ViText"/>,
/// <see cref="EnText"/>) of the language the user chose, like the rest of the pages; usable where no
/// <see cref="UiText"/> is injected (static summaries, code-behind).
/// </summary>
public static class StudioText
{
    /// <summary>The text of <paramref name="key"/>; with <paramref name="args"/>, its <c>{n}</c> placeholders filled.</summary>
    public static string L(string key, params object?[] args)
    {
        var text = UiText.Current.TryGetValue(key, out var found) ? found : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
