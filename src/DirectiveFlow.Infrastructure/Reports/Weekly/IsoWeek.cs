using System.Globalization;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// An ISO 8601 week ("2026-W49"): Monday to Sunday, its instants reckoned in Asia/Ho_Chi_Minh (<see cref="Start"/> is
/// Monday 00:00, <see cref="End"/> the next Monday 00:00, exclusive).
/// </summary>
public readonly partial record struct IsoWeek(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public DateTimeOffset Start => VietnamTime.At(Monday, TimeOnly.MinValue);

    public DateTimeOffset End => VietnamTime.At(Monday.AddDays(7), TimeOnly.MinValue);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    /// <summary>The week <paramref name="date"/> falls in.</summary>
    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>The week of <paramref name="instant"/> in Hà Nội.</summary>
    public static IsoWeek Of(DateTimeOffset instant) => Of(VietnamTime.DateOf(instant));

    /// <summary>Reads "2026-W49" (also "2026-w9"); false for anything else or a week the year does not have.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true }
            || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var number)
            || year < VietnamTime.FirstYear || year > VietnamTime.LastYear || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    [GeneratedRegex(@"^(\d{4})-[Ww](\d{1,2})$")]
    private static partial Regex Pattern();
}
