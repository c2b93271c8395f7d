using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The progress columns of directives, by one grouped query over their tasks (<see cref="CountedTasks"/>).</summary>
public sealed record DirectiveListProgress(Guid DirectiveId, TaskCategoryCounts Counts, DateTimeOffset? NextDueAt, int OverdueUnits)
{
    /// <summary>Completed on time ÷ tasks, in percent (rounded down); null for a directive without tasks.</summary>
    public int? OnTimePercent => Counts.Total == 0 ? null : Counts.CompletedOnTime * 100 / Counts.Total;

    public static Task<Dictionary<Guid, DirectiveListProgress>> ReadAsync(
        DirectiveFlowDbContext db, IReadOnlyCollection<Guid> directiveIds, CategoryTime time, CancellationToken cancellationToken)
    {
        var ids = directiveIds.ToList();
        return ReadAsync(CountedTasks.All(db).Where(t => ids.Contains(t.DirectiveId)), time, cancellationToken);
    }

    /// <summary>The progress of every directive <paramref name="tasks"/> belong to, counting those tasks only.</summary>
    public static async Task<Dictionary<Guid, DirectiveListProgress>> ReadAsync(
        IQueryable<UnitTask> tasks, CategoryTime time, CancellationToken cancellationToken)
    {
        var rows = await tasks.AsNoTracking()
            .GroupBy(t => t.DirectiveId)
            .Select(TaskCategoryQueries.Aggregate<Guid, DirectiveListProgress>(time, (g, c) => new DirectiveListProgress(
                g.Key,
                c,
                g.Where(t => t.Is(TaskCategory.OpenWithinDeadline, time)).Min(t => (DateTimeOffset?)t.DueAt),
                g.Where(t => t.Is(TaskCategory.OpenOverdue, time)).Select(t => t.UnitId).Distinct().Count())))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.DirectiveId);
    }
}
