using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Directives;

/// <summary>
/// What a directive records of its signed document besides number, title and type: issue date, signer, summary (trích
/// yếu) and the overall deadline date. Every part is optional; a directive issued without them keeps nulls.
/// </summary>
public sealed record DirectiveDocument(DateOnly? IssuedOn, string? SignerName, string? SignerPosition, string? Summary, DateOnly? Deadline)
{
    /// <summary>The format dates take in messages and on the pages: 31/12/2026.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    /// <summary>The instant a deadline date means: the end of that working day (17:00) in Hà Nội.</summary>
    public static DateTimeOffset DeadlineInstant(DateOnly date) => VietnamTime.At(date, WorkingDayCalendar.DefaultEndOfDay);

    public static string Format(DateOnly date) => date.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the parts onto <paramref name="directive"/>, trimmed; blank texts become null.</summary>
    public void ApplyTo(Directive directive)
    {
        directive.IssuedOn = IssuedOn;
        directive.SignerName = OrNull(SignerName);
        directive.SignerPosition = OrNull(SignerPosition);
        directive.Summary = OrNull(Summary);
        directive.Deadline = Deadline is { } d ? DeadlineInstant(d) : null;
    }

    private static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
