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
        var lastMonday = MondayOf(VietnamTime.DateOf(end));
        var weeks = Enumerable.Range(0, Weeks).Select(i => lastMonday.AddDays(7 * (i - Weeks + 1))).ToList();
        var predicates = new List<Expression<Func<UnitTask, bool>>>();
        foreach (var monday in weeks)
        {
            var start = VietnamTime.At(monday, TimeOnly.MinValue);
            var next = VietnamTime.At(monday.AddDays(7), TimeOnly.MinValue);
            var cut = next < end ? next : end;
            predicates.Add(t => t.IsCounted() && t.CreatedAt >= start && t.CreatedAt < cut);
            predicates.Add(t => t.Is(TaskCategory.CompletedOnTime, time) && t.CompletedAt >= start && t.CompletedAt < cut);
            predicates.Add(t => t.Is(TaskCategory.CompletedLate, time) && t.CompletedAt >= start && t.CompletedAt < cut);
            predicates.Add(t => t.WasOverdueAt(cut));
        }

        var counts = await tasks.AsNoTracking().GroupBy(_ => 1).Select(TaskCategoryQueries.CountEach<int>(predicates))
            .FirstOrDefaultAsync(cancellationToken) ?? new int[predicates.Count];
        return weeks.Select((monday, i) => new TrendWeek(monday, counts[4 * i], counts[(4 * i) + 1], counts[(4 * i) + 2], counts[(4 * i) + 3])).ToList();
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
