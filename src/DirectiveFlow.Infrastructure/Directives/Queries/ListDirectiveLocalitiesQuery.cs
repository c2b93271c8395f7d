using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive's tasks (<see cref="CountedTasks"/>, as its progress counts them) grouped by locality, one row per ward
/// with its pillar units side by side: the province first, then the wards with the most overdue tasks, then by name;
/// narrowed to a <paramref name="Category"/>, a <paramref name="Pillar"/> and a locality name or code
/// (<paramref name="Q"/>), paged by locality.
/// </summary>
public sealed record ListDirectiveLocalitiesQuery(Guid DirectiveId, string? Q, Pillar? Pillar, TaskCategory? Category, PageRequest Page)
    : IQuery<PagedResult<DirectiveLocalityRow>>;

public sealed class ListDirectiveLocalitiesHandler(DirectiveFlowDbContext db, TaskClock clock)
    : IQueryHandler<ListDirectiveLocalitiesQuery, PagedResult<DirectiveLocalityRow>>
{
    private static readonly StringComparer NameOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true);

    public async ValueTask<PagedResult<DirectiveLocalityRow>> Handle(ListDirectiveLocalitiesQuery query, CancellationToken cancellationToken)
    {
        var tasks = CountedTasks.All(db).AsNoTracking().Where(t => t.DirectiveId == query.DirectiveId);
        if (query.Category is { } category)
        {
            tasks = tasks.Where(TaskCategories.Where(category, clock.Time));
        }

        if (query.Pillar is { } pillar)
        {
            var pillarUnits = db.Units.Where(u => u.Pillar == pillar).Select(u => u.Id);
            tasks = tasks.Where(t => pillarUnits.Contains(t.UnitId));
        }

        var localities = await DirectiveLocalities.MatchingAsync(db, tasks.Select(t => t.UnitId), query.Q, cancellationToken);
        var overdue = await (from t in tasks.Where(TaskCategories.Where(TaskCategory.OpenOverdue, clock.Time))
                             join u in db.Units on t.UnitId equals u.Id
                             group t by u.LocalityId into g
                             select new { LocalityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.LocalityId, r => r.Count, cancellationToken);
        var page = localities
            .OrderBy(l => l.ParentId is null ? 0 : 1)
            .ThenByDescending(l => overdue.GetValueOrDefault(l.Id))
            .ThenBy(l => l.Name, NameOrder).ThenBy(l => l.Code, StringComparer.Ordinal)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .ToList();
        var pageIds = page.Select(l => l.Id).ToList();
        var rows = await (from t in tasks
                          join u in db.Units on t.UnitId equals u.Id
                          where pageIds.Contains(u.LocalityId)
                          orderby u.Code, t.DueAt
                          select new { t, u.Code, u.Name, u.Pillar, u.LocalityId })
            .ToListAsync(cancellationToken);
        var byLocality = rows.ToLookup(r => r.LocalityId, r => new DirectiveTaskDto(
            r.t.Id, r.t.DirectiveId, r.t.ActivityId, r.t.Title, r.t.UnitId, r.Code, r.Name, OrgUnit.PillarCode(r.Pillar), r.t.Status.ToString(),
            r.t.CategoryAt(clock.Now)?.ToString() ?? "Cancelled", r.t.DueAt, r.t.OriginalDueAt, r.t.CompletedAt, r.t.ParentTaskId));
        var items = page.Select(l => new DirectiveLocalityRow(
            l.Id, l.Code, LocalityNames.Full(l), l.ParentId is null, overdue.GetValueOrDefault(l.Id), byLocality[l.Id].ToList())).ToList();
        return new PagedResult<DirectiveLocalityRow>(items, localities.Count, query.Page.Page, query.Page.PageSize);
    }
}
