using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The inbox: tasks the caller may see, filtered in SQL (categories compare dates with now), sorted by deadline.</summary>
public sealed record ListTasksQuery(TaskListFilter Filter) : IQuery<PagedResult<TaskListItemDto>>;

public sealed class ListTasksHandler(DirectiveFlowDbContext db, TaskListSource source, TaskClock clock)
    : IQueryHandler<ListTasksQuery, PagedResult<TaskListItemDto>>
{
    public async ValueTask<PagedResult<TaskListItemDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        var page = query.Filter.Page;
        var (items, total) = await source.ReadAsync(query.Filter,
            tasks => TaskListProjection.PageAsync(db, tasks, clock, page.Skip, page.PageSize, cancellationToken),
            units => DefaultInbox.PageAsync(db, units, clock, page.Skip, page.PageSize, cancellationToken),
            cancellationToken);
        return new PagedResult<TaskListItemDto>(items, total, page.Page, page.PageSize);
    }
}
