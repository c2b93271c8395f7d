using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;

namespace DirectiveFlow.Infrastructure.Reports.Tasks;

/// <summary>
/// The tasks behind a figure of the leadership views, across directives, inside <paramref name="Scope"/>: those
/// <paramref name="Filter"/> and <paramref name="Narrow"/> select (<see cref="ReportTaskSelection"/>), deadline first.
/// </summary>
public sealed record ListReportTasksQuery(ReportScope Scope, ReportFilter Filter, ReportTaskFilter Narrow, PageRequest Page)
    : IQuery<PagedResult<TaskListItemDto>>;

public sealed class ListReportTasksHandler(DirectiveFlowDbContext db, TaskClock clock) : IQueryHandler<ListReportTasksQuery, PagedResult<TaskListItemDto>>
{
    public async ValueTask<PagedResult<TaskListItemDto>> Handle(ListReportTasksQuery query, CancellationToken cancellationToken)
    {
        var tasks = ReportTaskSelection.Select(db, query.Scope, query.Filter, query.Narrow, clock.Time);
        var (items, total) = await TaskListProjection.PageAsync(db, tasks, clock, query.Page.Skip, query.Page.PageSize, cancellationToken);
        return new PagedResult<TaskListItemDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
