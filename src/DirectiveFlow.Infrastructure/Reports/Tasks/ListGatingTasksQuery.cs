using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Tasks;

/// <summary>
/// What stands behind a "not yet reached" figure of the overview: the open tasks, across directives, whose completion
/// would start a cascade (<see cref="NotReachedReader"/>) among those <paramref name="Filter"/> and
/// <paramref name="Narrow"/> select (its category aside) inside <paramref name="Scope"/>; their units waiting add up to the figure.
/// </summary>
public sealed record ListGatingTasksQuery(ReportScope Scope, ReportFilter Filter, ReportTaskFilter Narrow) : IQuery<IReadOnlyList<GatingTask>>;

/// <summary>A gating task (<see cref="NotReachedItem"/>) with its directive's number and title.</summary>
public sealed record GatingTask(NotReachedItem Item, string DirectiveNumber, string DirectiveTitle);

public sealed class ListGatingTasksHandler(DirectiveFlowDbContext db, NotReachedReader reader, TaskClock clock)
    : IQueryHandler<ListGatingTasksQuery, IReadOnlyList<GatingTask>>
{
    public async ValueTask<IReadOnlyList<GatingTask>> Handle(ListGatingTasksQuery query, CancellationToken cancellationToken)
    {
        var tasks = ReportTaskSelection.Select(db, query.Scope, query.Filter, query.Narrow with { Category = null }, clock.Time);
        var items = await reader.ReadAsync(tasks, query.Scope, clock.Now, cancellationToken);
        var ids = items.Select(i => i.DirectiveId).Distinct().ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.Number, d.Title), cancellationToken);
        return items.Select(i => new GatingTask(i, directives[i.DirectiveId].Number, directives[i.DirectiveId].Title)).ToList();
    }
}
