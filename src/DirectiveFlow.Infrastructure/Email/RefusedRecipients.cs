namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// The recipients an SMTP server refused for good while it accepted the others (<see cref="PartialDeliverySmtpClient"/>),
/// as written in a sent row's <c>LastError</c>: <c>Recipients refused: a@b (550 mailbox unavailable); …</c>.
/// </summary>
public static class RefusedRecipients
{
    public const string Prefix = "Recipients refused: ";

    private const string Separator = "; ";

    /// <summary>One line naming each refused address with the server's reply.</summary>
    public static string Describe(IEnumerable<(string Address, int Code, string Reply)> refused) =>
        Prefix + string.Join(Separator, refused.Select(r => $"{r.Address} ({r.Code} {r.Reply.Trim()})"));

    /// <summary>The addresses a <see cref="Describe"/> line names; none for any other text.</summary>
    public static IReadOnlyList<string> AddressesIn(string? text)
    {
        var at = text?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        return at < 0
            ? []
            : [.. text![(at + Prefix.Length)..].Split(Separator).Select(r => r.Split(' ')[0]).Where(a => a.Contains('@', StringComparison.Ordinal))];
    }
}
