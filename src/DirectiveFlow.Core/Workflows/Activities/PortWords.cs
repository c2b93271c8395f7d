using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Outcome ports and Notify recipients in words (Done → "Xong", issuer → "đơn vị ban hành"); a port an author
/// named themselves (a UnitTask's extra outcome) is already their own word and shows as written.</summary>
public static class PortWords
{
    public static string Of(string outcome, bool english) => Known("Port." + outcome, english) ?? outcome;

    /// <summary>A Notify's <c>to</c>: a fixed recipient or <c>role:X</c> in words; anything else as written.</summary>
    public static ActivityText Recipient(string? to)
    {
        if (to is null)
        {
            return ActivityText.Same("?");
        }

        if (to.StartsWith(NotifyRecipients.RolePrefix, StringComparison.Ordinal))
        {
            var role = to[NotifyRecipients.RolePrefix.Length..];
            return ActivityText.Of("Recipient.role", ActivityWordBook.BuiltIn.Vi.ContainsKey("Role." + role) ? ActivityText.Of("Role." + role) : ActivityText.Same(role));
        }

        return ActivityWordBook.BuiltIn.Vi.ContainsKey("Recipient." + to) ? ActivityText.Of("Recipient." + to) : ActivityText.Same(to);
    }

    private static string? Known(string key, bool english) =>
        ActivityWordBook.BuiltIn.Vi.ContainsKey(key) ? ActivityWordBook.BuiltIn.Text(key, english) : null;
}
