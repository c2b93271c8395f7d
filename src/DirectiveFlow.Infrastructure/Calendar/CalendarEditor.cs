using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// Reads and replaces one year of calendar exceptions, then refreshes the cached calendar; what the change does to the
/// open tasks is counted, journaled and handed to the sweep (<see cref="OpenTaskSchedules"/>).
/// </summary>
public sealed class CalendarEditor(DirectiveFlowDbContext db, DatabaseWorkingDayCalendar calendar, TimeProvider time)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<CalendarYear> GetAsync(int year, CancellationToken cancellationToken)
    {
        var (first, last) = Bounds(year);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarYearDay(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
        return new CalendarYear(year, days);
    }

    /// <summary>How many open tasks fall due on <paramref name="day"/>: what the page names before a day is removed.</summary>
    public Task<int> OpenTasksDueOnAsync(DateOnly day, CancellationToken cancellationToken) =>
        OpenTaskSchedules.CountDueOnAsync(db, day, cancellationToken);

    /// <summary>
    /// Whether a day is part of the Tết break: the official list names its days off "Tết Nguyên đán (…)". A year without
    /// one counts Tết as working days, so every deadline over it comes a week early.
    /// </summary>
    public static bool IsTet(CalendarYearDay day) =>
        day.Kind == CalendarDayKind.Holiday && day.Name.Contains("Tết Nguyên đán", StringComparison.OrdinalIgnoreCase);

    /// <summary>The years of <paramref name="years"/> whose calendar has no Tết holiday (<see cref="IsTet"/>), in order.</summary>
    public async Task<IReadOnlyList<int>> YearsWithoutTetAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        var (first, last) = (Bounds(years.Min()).First, Bounds(years.Max()).Last);
        var holidays = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last && d.Kind == CalendarDayKind.Holiday)
            .Select(d => new CalendarYearDay(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
        var withTet = holidays.Where(IsTet).Select(d => d.Date.Year).ToHashSet();
        return years.Where(y => !withTet.Contains(y)).Order().ToList();
    }

    /// <summary>
    /// The years whose Tết deadlines set at <paramref name="now"/> (Viet Nam's date) can span: this year, and from 1 October
    /// next year too. Next year's Tết (late January to mid February) is only reached by deadlines set in the last months of
    /// the year, and its official days off are announced during the year: asking for them sooner would warn all year.
    /// </summary>
    public static int[] CurrentYears(DateTimeOffset now)
    {
        var today = VietnamTime.DateOf(now);
        return today.Month >= NextYearFromMonth ? [today.Year, today.Year + 1] : [today.Year];
    }

    /// <summary>The month from which next year's Tết is asked for (<see cref="CurrentYears"/>).</summary>
    public const int NextYearFromMonth = 10;

    /// <summary>Field errors for a replacement of <paramref name="year"/>, as codes; empty when it is valid.</summary>
    public static FieldErrors Validate(int year, IReadOnlyList<CalendarYearDay>? days)
    {
        var errors = new FieldErrors();
        if (year is < MinYear or > MaxYear)
        {
            errors.Add("year", ErrorCodes.YearRange, MinYear, MaxYear);
        }

        if (days is null)
        {
            errors.Add("days", ErrorCodes.DaysRequired);
            return errors;
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            errors.Report($"days[{i}]", day is null ? new ErrorMessage(ErrorCodes.DayNull) : Check(year, day, days.Take(i)));
        }

        return errors;
    }

    /// <summary>
    /// Replaces the year's exceptions in one transaction, with the open tasks' side of it (counted and journaled on
    /// the new days off, due for the sweep to plan again), and reloads the cached calendar.
    /// </summary>
    public async Task<CalendarChange> ReplaceAsync(int year, IReadOnlyList<CalendarYearDay> days, Caller caller, CancellationToken cancellationToken)
    {
        var (first, last) = Bounds(year);
        var before = await GetAsync(year, cancellationToken);
        var now = time.GetUtcNow();
        IReadOnlyList<DueOnDayOff> dueOnDaysOff;
        var replanned = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ExecuteDeleteAsync(cancellationToken);
            db.CalendarDays.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name.Trim() }));
            dueOnDaysOff = await OpenTaskSchedules.JournalDueOnAsync(
                db, OpenTaskSchedules.NewDaysOff(before.Days, days), caller.ActorName, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (!before.Days.ToHashSet().SetEquals(days.Select(d => d with { Name = d.Name.Trim() })))
            {
                replanned = await OpenTaskSchedules.ReplanAsync(db, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await calendar.ReloadAsync(cancellationToken);
        var after = await GetAsync(year, cancellationToken);
        return new CalendarChange(year, after.Days, dueOnDaysOff, replanned);
    }

    private static ErrorMessage? Check(int year, CalendarYearDay day, IEnumerable<CalendarYearDay> before)
    {
        var weekend = day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var date = day.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return day.Date.Year != year ? new ErrorMessage(ErrorCodes.DayOutsideYear, date, year)
            : !Enum.IsDefined(day.Kind) ? new ErrorMessage(ErrorCodes.DayKind)
            : TextRules.Line(day.Name, 200) is { } badName ? new ErrorMessage(ErrorCodes.DayName, badName)
            : day.Kind == CalendarDayKind.MakeUpWorkingDay && !weekend ? new ErrorMessage(ErrorCodes.MakeUpOnWeekday)
            : day.Kind == CalendarDayKind.Holiday && weekend ? new ErrorMessage(ErrorCodes.HolidayOnWeekend)
            : before.Any(d => d?.Date == day.Date) ? new ErrorMessage(ErrorCodes.DuplicateDate, date)
            : null;
    }

    private static (DateOnly First, DateOnly Last) Bounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
