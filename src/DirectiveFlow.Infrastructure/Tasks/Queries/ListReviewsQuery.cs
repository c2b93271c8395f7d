using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The review queue: Reported tasks assigned by the caller's unit (every one for an administrator or an observer of the whole country, her province's directives' for a provincial observer), oldest deadline first.</summary>
public sealed record ListReviewsQuery(PageRequest Page) : IQuery<PagedResult<TaskListItemDto>>;

public sealed class ListReviewsHandler(DirectiveFlowDbContext db, TaskCallerResolver callers, TaskClock clock)
    : IQueryHandler<ListReviewsQuery, PagedResult<TaskListItemDto>>
{
    public async ValueTask<PagedResult<TaskListItemDto>> Handle(ListReviewsQuery query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var tasks = db.Tasks.Where(t => t.Status == UnitTaskStatus.Reported);
        if (!caller.ReadsEverything)
        {
            var unit = caller.ActsForUnit ? caller.UnitId : null;
            tasks = ObservedTasks.DirectiveIds(db, caller) is { } observed
                ? tasks.Where(t => t.AssignerUnitId == unit || observed.Contains(t.DirectiveId))
                : tasks.Where(t => t.AssignerUnitId == unit);
        }

        var (items, total) = await TaskListProjection.PageAsync(db, tasks, clock, query.Page.Skip, query.Page.PageSize, cancellationToken);
        return new PagedResult<TaskListItemDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
