using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive's tasks, overdue first then by deadline, filtered by status, category, pillar, unit and the name or code
/// of the unit's locality (<paramref name="Q"/>, as <see cref="DirectiveLocalities"/> matches it).
/// </summary>
public sealed record ListDirectiveTasksQuery(
    Guid DirectiveId, UnitTaskStatus? Status, TaskCategory? Category, Pillar? Pillar, Guid? UnitId, PageRequest Page, string? Q = null)
    : IQuery<PagedResult<DirectiveTaskDto>>;

public sealed class ListDirectiveTasksHandler(DirectiveFlowDbContext db, TaskClock clock)
    : IQueryHandler<ListDirectiveTasksQuery, PagedResult<DirectiveTaskDto>>
{
    public async ValueTask<PagedResult<DirectiveTaskDto>> Handle(ListDirectiveTasksQuery query, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.DirectiveId == query.DirectiveId);
        if (query.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (query.Category is { } category)
        {
            tasks = tasks.Where(TaskCategories.Where(category, clock.Time));
        }

        if (query.UnitId is { } unitId)
        {
            tasks = tasks.Where(t => t.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var localities = (await DirectiveLocalities.MatchingAsync(db, tasks.Select(t => t.UnitId), query.Q, cancellationToken)).Select(l => l.Id).ToList();
            var units = db.Units.Where(u => localities.Contains(u.LocalityId)).Select(u => u.Id);
            tasks = tasks.Where(t => units.Contains(t.UnitId));
        }

        var rows = from t in tasks
                   join u in db.Units on t.UnitId equals u.Id
                   select new { t, u.Code, u.Name, u.Pillar };
        if (query.Pillar is { } pillar)
        {
            rows = rows.Where(r => r.Pillar == pillar);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderBy(r => r.t.Status == UnitTaskStatus.Completed || r.t.Status == UnitTaskStatus.Cancelled ? 1 : 0)
            .ThenBy(r => r.t.DueAt).ThenBy(r => r.Code)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .ToListAsync(cancellationToken);
        var items = page.Select(r => new DirectiveTaskDto(
            r.t.Id, r.t.DirectiveId, r.t.ActivityId, r.t.Title, r.t.UnitId, r.Code, r.Name, OrgUnit.PillarCode(r.Pillar), r.t.Status.ToString(),
            r.t.CategoryAt(clock.Now)?.ToString() ?? "Cancelled",
            r.t.DueAt, r.t.OriginalDueAt, r.t.CompletedAt, r.t.ParentTaskId)).ToList();
        return new PagedResult<DirectiveTaskDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
