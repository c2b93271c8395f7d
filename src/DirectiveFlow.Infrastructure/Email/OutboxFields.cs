using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// What an outbox row's subject and recipients may hold. A row whose values outgrow their columns cannot be saved on
/// PostgreSQL or SQL Server: written, it fails the command that wrote it; prepared at dispatch, it failed the save of
/// the batch after its first email had gone, and the batch went out again a minute later. Every writer goes through here.
/// </summary>
public static class OutboxFields
{
    /// <summary>How much of a task's title a subject quotes (a title may hold 500 characters).</summary>
    public const int TitleInSubject = 120;

    /// <summary>The task's title as every subject quotes it: whole up to <see cref="TitleInSubject"/>, else cut with "…".</summary>
    public static string SubjectTitle(string title) => Cut(title, TitleInSubject);

    /// <summary>The subject, cut with "…" to <see cref="OutboxMessage.SubjectMaxLength"/>.</summary>
    public static string Subject(string subject) => Cut(subject, OutboxMessage.SubjectMaxLength);

    /// <summary>
    /// The recipients, each once (case aside), trimmed, separated by ';': as many whole addresses, in order, as fit
    /// <see cref="OutboxMessage.ToMaxLength"/> (a unit's head and contacts come before its accounts).
    /// </summary>
    public static string To(IEnumerable<string?> addresses)
    {
        var to = new System.Text.StringBuilder();
        foreach (var address in addresses.Select(a => a?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (to.Length + (to.Length > 0 ? 1 : 0) + address.Length > OutboxMessage.ToMaxLength)
            {
                continue;
            }

            to.Append(to.Length > 0 ? ";" : "").Append(address);
        }

        return to.ToString();
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // never half a character
        }

        return text[..keep].TrimEnd() + "…";
    }
}
