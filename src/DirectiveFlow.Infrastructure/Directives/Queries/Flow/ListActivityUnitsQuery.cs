using System.Security.Claims;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>
/// The units (at most 1,000, by code) with a task at one activity of a directive; none when <paramref name="Caller"/>
/// may not read the directive (<see cref="DirectiveReader"/>).
/// </summary>
public sealed record ListActivityUnitsQuery(Guid DirectiveId, string ActivityId, ClaimsPrincipal Caller) : IQuery<IReadOnlyList<ActivityUnitRow>>;

public sealed class ListActivityUnitsHandler(IDbContextFactory<DirectiveFlowDbContext> contexts, TimeProvider time)
    : IQueryHandler<ListActivityUnitsQuery, IReadOnlyList<ActivityUnitRow>>
{
    public async ValueTask<IReadOnlyList<ActivityUnitRow>> Handle(ListActivityUnitsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await DirectiveReader.ReadsAsync(db, query.Caller, query.DirectiveId, cancellationToken))
        {
            return [];
        }

        var rows = await (from t in db.Tasks.AsNoTracking()
                          join u in db.Units.AsNoTracking() on t.UnitId equals u.Id
                          where t.DirectiveId == query.DirectiveId && t.ActivityId == query.ActivityId
                          orderby u.Code
                          select new { t.Id, u.Code, u.Name, t.Status, t.DueAt, t.CompletedAt })
            .Take(1000).ToListAsync(cancellationToken);
        return rows.Select(r => new ActivityUnitRow(r.Id, r.Code, r.Name, r.Status, TaskCategories.Of(r.Status, r.DueAt, r.CompletedAt, now), r.DueAt, r.CompletedAt)).ToList();
    }
}
