using System.Linq.Expressions;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// The last <see cref="Weeks"/> ISO weeks up to an instant, Mondays in Asia/Ho_Chi_Minh, as one query of conditional
/// counts over the tasks (four per week), whatever the period filter (the weeks are the period here).
/// </summary>
public static class TrendReader
{
    public const int Weeks = 12;

    /// <summary>The trend of <paramref name="tasks"/> for the weeks up to <paramref name="end"/> (the last one cut at it).</summary>
    public static async Task<List<TrendWeek>> ReadAsync(IQueryable<UnitTask> tasks, DateTimeOffset end, CategoryTime time, CancellationToken cancellationToken)
    {
        var weeks = WeeksUpTo(end);
        var predicates = weeks.SelectMany(w => Predicates(w.Start, w.Cut, time)).ToList();

        var counts = await tasks.AsNoTracking().GroupBy(_ => 1).Select(TaskCategoryQueries.CountEach<int>(predicates))
            .FirstOrDefaultAsync(cancellationToken) ?? new int[predicates.Count];
        return weeks.Select((w, i) => new TrendWeek(w.Monday, counts[4 * i], counts[(4 * i) + 1], counts[(4 * i) + 2], counts[(4 * i) + 3])).ToList();
    }

    /// <summary>
    /// The trend's weeks up to <paramref name="end"/>: each Monday, its first instant, and its end (the last cut at
    /// <paramref name="end"/>). <paramref name="end"/> is exclusive, so the last week is the one holding its last instant:
    /// a finished week's end (the next Monday 00:00) ends that week, not an empty week starting then.
    /// </summary>
    public static List<(DateOnly Monday, DateTimeOffset Start, DateTimeOffset Cut)> WeeksUpTo(DateTimeOffset end)
    {
        var lastMonday = MondayOf(VietnamTime.DateOf(end.AddTicks(-1)));
        return Enumerable.Range(0, Weeks).Select(i => lastMonday.AddDays(7 * (i - Weeks + 1))).Select(monday =>
        {
            var next = VietnamTime.At(monday.AddDays(7), TimeOnly.MinValue);
            return (monday, VietnamTime.At(monday, TimeOnly.MinValue), next < end ? next : end);
        }).ToList();
    }

    /// <summary>The week's four figures as predicates: opened, completed on time, completed late, overdue at its end.</summary>
    public static Expression<Func<UnitTask, bool>>[] Predicates(DateTimeOffset start, DateTimeOffset cut, CategoryTime time) =>
    [
        t => t.IsCounted() && t.CreatedAt >= start && t.CreatedAt < cut,
        t => t.Is(TaskCategory.CompletedOnTime, time) && t.CompletedAt >= start && t.CompletedAt < cut,
        t => t.Is(TaskCategory.CompletedLate, time) && t.CompletedAt >= start && t.CompletedAt < cut,
        t => t.WasOverdueAt(cut),
    ];

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
