using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The inbox: tasks the caller may see, filtered in SQL (categories compare dates with now), sorted by deadline.</summary>
public sealed record ListTasksQuery(TaskListFilter Filter) : IQuery<PagedResult<TaskListItemDto>>;

public sealed class ListTasksHandler(DirectiveFlowDbContext db, TaskListSource source, TaskClock clock)
    : IQueryHandler<ListTasksQuery, PagedResult<TaskListItemDto>>
{
    public async ValueTask<PagedResult<TaskListItemDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        // One connection for the caller's units, the count and the page (an open per query costs more than the query).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var f = query.Filter;
            var tasks = await source.SelectAsync(f, cancellationToken);
            var (items, total) = await TaskListProjection.PageAsync(db, tasks, clock, f.Page.Skip, f.Page.PageSize, cancellationToken);
            return new PagedResult<TaskListItemDto>(items, total, f.Page.Page, f.Page.PageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
