namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>
/// Who receives one email and how it greets them. The rules of every role are here (<see cref="MailDirectory"/> picks
/// the unit a role names, these pick its addresses): change them here and every email follows.
/// </summary>
public sealed record MailRecipients(IReadOnlyList<string> To, MailGreeting Greeting)
{
    public static readonly MailRecipients None = new([], new MailGreeting("", null, Leadership: false));

    /// <summary>The unit's head: the head's address, or, when the unit has none, its officers (so the unit still hears).</summary>
    public static MailRecipients Head(MailUnit unit) =>
        new(unit.HeadEmail is { Length: > 0 } head ? Clean([head]) : Officers(unit).To, MailGreeting.HeadOf(unit));

    /// <summary>The unit's officers: its contact addresses and the addresses of its user accounts.</summary>
    public static MailRecipients Officers(MailUnit unit) =>
        new(Clean(ContactsOf(unit).Concat(unit.Accounts ?? [])), MailGreeting.UnitOf(unit));

    /// <summary>The unit as a whole: its head and its officers.</summary>
    public static MailRecipients WholeUnit(MailUnit unit) =>
        new(Clean(new[] { unit.HeadEmail }.Concat(ContactsOf(unit)).Concat(unit.Accounts ?? [])), MailGreeting.UnitOf(unit));

    /// <summary>The officer a task is given to and the head of their unit (its officers when it has no head address).</summary>
    public static MailRecipients HeadAndOfficer(MailUnit unit, MailPerson officer) =>
        new(Clean([officer.Email, .. Head(unit).To]), MailGreeting.UnitOf(unit));

    /// <summary>Addresses named outright (a user, the holders of a role), greeted as <paramref name="name"/>.</summary>
    public static MailRecipients Named(IEnumerable<string?> addresses, string name) =>
        new(Clean(addresses), new MailGreeting(name, null, Leadership: false));

    /// <summary>Each address once (case aside), trimmed, none empty, in order.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string?> addresses) =>
        [.. addresses.Select(a => a?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string[] ContactsOf(MailUnit unit) =>
        (unit.ContactEmails ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// How an email greets its reader: a unit by its name, a unit's leadership by its head's name and the unit ("Nguyễn Văn A
/// (Thành ủy)"), or, when the head is not named, by a word in the email's language ("Lãnh đạo Thành ủy", "Leadership
/// of Thành ủy"). The language is the email's, known once its recipients are (<see cref="RecipientLanguages"/>).
/// </summary>
public sealed record MailGreeting(string UnitName, string? HeadName, bool Leadership)
{
    public static MailGreeting HeadOf(MailUnit unit) => new(unit.Name, unit.HeadName, Leadership: true);

    public static MailGreeting UnitOf(MailUnit unit) => new(unit.Name, null, Leadership: false);

    /// <summary>The greeting in <paramref name="language"/> (<c>vi</c> or <c>en</c>).</summary>
    public string Text(string language) =>
        !Leadership ? UnitName
        : HeadName is { Length: > 0 } head ? $"{head} ({UnitName})"
        : language == "en" ? $"Leadership of {UnitName}"
        : $"Lãnh đạo {UnitName}";
}
