using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// The directives most behind among the tasks <paramref name="Filter"/> selects inside <paramref name="Scope"/>: those
/// with open work, most overdue units first, then most overdue tasks, then the nearest deadline; at most
/// <paramref name="Take"/>. One grouped count per directive (<see cref="DirectiveListProgress"/>, the list's own).
/// </summary>
public sealed record ListDirectivesBehindQuery(ReportScope Scope, ReportFilter Filter, int Take = 8) : IQuery<IReadOnlyList<DirectiveBehind>>;

public sealed class ListDirectivesBehindHandler(DirectiveFlowDbContext db, TaskClock clock) : IQueryHandler<ListDirectivesBehindQuery, IReadOnlyList<DirectiveBehind>>
{
    public async ValueTask<IReadOnlyList<DirectiveBehind>> Handle(ListDirectivesBehindQuery query, CancellationToken cancellationToken)
    {
        var progress = await DirectiveListProgress.ReadAsync(ReportTasks.Select(db, query.Scope, query.Filter), clock.Time, cancellationToken);
        var behind = progress.Values
            .Where(p => p.Counts.OpenWithinDeadline + p.Counts.OpenOverdue > 0)
            .OrderByDescending(p => p.OverdueUnits).ThenByDescending(p => p.Counts.OpenOverdue)
            .ThenBy(p => p.NextDueAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.DirectiveId)
            .Take(query.Take)
            .ToList();
        var ids = behind.Select(p => p.DirectiveId).ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.Number, d.Title), cancellationToken);
        return behind.Select(p => new DirectiveBehind(
            p.DirectiveId, directives[p.DirectiveId].Number, directives[p.DirectiveId].Title, p.Counts, p.OverdueUnits, p.NextDueAt)).ToList();
    }
}
