using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The inbox: tasks the caller may see, filtered in SQL (categories compare dates with now), sorted by deadline.</summary>
public sealed record ListTasksQuery(TaskListFilter Filter) : IQuery<PagedResult<TaskListItemDto>>;

public sealed class ListTasksHandler(DirectiveFlowDbContext db, TaskListSource source, TaskClock clock)
    : IQueryHandler<ListTasksQuery, PagedResult<TaskListItemDto>>
{
    public async ValueTask<PagedResult<TaskListItemDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(db, source, clock, query.Filter, null, cancellationToken);

    /// <summary>The filter's page; its total is <paramref name="knownTotal"/> when the caller knows it, else read with the page.</summary>
    internal static async Task<PagedResult<TaskListItemDto>> ReadAsync(
        DirectiveFlowDbContext db, TaskListSource source, TaskClock clock, TaskListFilter filter, int? knownTotal, CancellationToken cancellationToken)
    {
        var page = filter.Page;
        var (items, total) = await source.ReadAsync(filter,
            tasks => TaskListProjection.PageAsync(db, tasks, clock, page.Skip, page.PageSize, knownTotal, cancellationToken),
            units => DefaultInbox.PageAsync(db, units, clock, page.Skip, page.PageSize, knownTotal, cancellationToken),
            cancellationToken);
        return new PagedResult<TaskListItemDto>(items, total, page.Page, page.PageSize);
    }
}
