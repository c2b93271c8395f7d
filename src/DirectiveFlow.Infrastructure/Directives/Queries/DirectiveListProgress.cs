using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The progress columns of a page of directives, by one grouped query over their tasks (<see cref="ReportTasks"/>).</summary>
public sealed record DirectiveListProgress(Guid DirectiveId, TaskCategoryCounts Counts, DateTimeOffset? NextDueAt, int OverdueUnits)
{
    public static async Task<Dictionary<Guid, DirectiveListProgress>> ReadAsync(
        DirectiveFlowDbContext db, IReadOnlyCollection<Guid> directiveIds, CategoryTime time, CancellationToken cancellationToken)
    {
        var ids = directiveIds.ToList();
        var rows = await ReportTasks.All(db).AsNoTracking()
            .Where(t => ids.Contains(t.DirectiveId))
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
