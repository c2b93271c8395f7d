using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// What a calendar edit does to the open tasks. A deadline stays where it is (moving it is a decision for the issuer),
/// but the tasks due on a new day off are counted and journaled on their directives (<c>calendar.day-off</c>), and
/// every open task with a planned next action is due for the sweep at once: reminders and escalation steps are counted
/// in working days, so their instants may have moved. The sweep plans them again from the task; what was already sent
/// is not sent again (each effect's dedupe key).
/// </summary>
internal static class OpenTaskSchedules
{
    public const string DayOffAction = "calendar.day-off";

    /// <summary>The journal's detail for <paramref name="count"/> tasks due on <paramref name="day"/>: "3 tasks due 2027-04-30".</summary>
    public static string Detail(int count, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} tasks due {day:yyyy-MM-dd}");

    /// <summary>The days that were working days before the edit and are days off after it.</summary>
    public static IReadOnlyList<DateOnly> NewDaysOff(IEnumerable<CalendarYearDay> before, IEnumerable<CalendarYearDay> after)
    {
        var old = before.ToDictionary(d => d.Date, d => d.Kind);
        var now = after.ToDictionary(d => d.Date, d => d.Kind);
        return old.Keys.Union(now.Keys)
            .Where(date => !IsOff(date, old) && IsOff(date, now))
            .Order()
            .ToList();
    }

    /// <summary>Counts and journals the open tasks due on each day; the caller saves.</summary>
    public static async Task<IReadOnlyList<DueOnDayOff>> JournalDueOnAsync(
        DirectiveFlowDbContext db, IReadOnlyList<DateOnly> days, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<DueOnDayOff>();
        foreach (var day in days)
        {
            var perDirective = await DueOn(db, day)
                .GroupBy(t => t.DirectiveId)
                .Select(g => new { DirectiveId = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            db.Journal.AddRange(perDirective.Select(d => new JournalEntry
            {
                DirectiveId = d.DirectiveId, At = now, Actor = actor, Action = DayOffAction, Detail = Detail(d.Count, day),
            }));
            result.Add(new DueOnDayOff(day, perDirective.Sum(d => d.Count)));
        }

        return result;
    }

    /// <summary>How many open tasks fall due on <paramref name="day"/> (Viet Nam's date).</summary>
    public static Task<int> CountDueOnAsync(DirectiveFlowDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        DueOn(db, day).CountAsync(cancellationToken);

    /// <summary>Makes every open task with a later planned action due now, so the sweep plans it on the new calendar.</summary>
    public static Task<int> ReplanAsync(DirectiveFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        Open(db).Where(t => t.NextActionAt != null && t.NextActionAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextActionAt, now)
                .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1), cancellationToken);

    private static IQueryable<UnitTask> Open(DirectiveFlowDbContext db) =>
        db.Tasks.Where(t => t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled);

    private static IQueryable<UnitTask> DueOn(DirectiveFlowDbContext db, DateOnly day)
    {
        var (start, end) = (VietnamTime.At(day, TimeOnly.MinValue), VietnamTime.At(day.AddDays(1), TimeOnly.MinValue));
        return Open(db).Where(t => t.DueAt >= start && t.DueAt < end);
    }

    private static bool IsOff(DateOnly date, Dictionary<DateOnly, CalendarDayKind> exceptions) =>
        exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.Holiday
            : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
