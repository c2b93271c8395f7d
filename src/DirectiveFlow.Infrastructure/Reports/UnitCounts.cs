using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>
/// One lead unit's counts in the categories of <see cref="TaskCategories"/> and the deadline of its oldest open overdue
/// task. Read for every unit at once by one grouped query (one row per unit), on which the overview's matrix and the
/// ranking are both summed, so they cannot disagree.
/// </summary>
public sealed record UnitCounts(Guid UnitId, TaskCategoryCounts Counts, DateTimeOffset? OldestOverdueDueAt)
{
    public static Task<List<UnitCounts>> ReadAsync(IQueryable<UnitTask> tasks, CategoryTime time, CancellationToken cancellationToken) =>
        tasks.AsNoTracking()
            .GroupBy(t => t.UnitId)
            .Select(TaskCategoryQueries.Aggregate<Guid, UnitCounts>(time, (g, c) => new UnitCounts(
                g.Key, c, g.Where(t => t.Is(TaskCategory.OpenOverdue, time)).Min(t => (DateTimeOffset?)t.DueAt))))
            .ToListAsync(cancellationToken);
}
