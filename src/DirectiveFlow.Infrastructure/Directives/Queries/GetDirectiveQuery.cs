using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// One directive with progress overall and per pillar, computed by one grouped query from dates and states at the
/// current time (the categories of <see cref="TaskCategories"/>, never stored flags). Null when it does not exist or
/// <paramref name="Reader"/> may not read it (<see cref="DirectiveReader.Everything"/> when null).
/// </summary>
public sealed record GetDirectiveQuery(Guid Id, DirectiveReader? Reader = null) : IQuery<DirectiveDetailDto?>;

public sealed class GetDirectiveHandler(DirectiveFlowDbContext db, TimeProvider time) : IQueryHandler<GetDirectiveQuery, DirectiveDetailDto?>
{
    public async ValueTask<DirectiveDetailDto?> Handle(GetDirectiveQuery query, CancellationToken cancellationToken)
    {
        var d = await (from directive in (query.Reader ?? DirectiveReader.Everything).Filter(db, db.Directives.AsNoTracking())
                       where directive.Id == query.Id
                       join unit in db.Units on directive.IssuingUnitId equals unit.Id into units
                       from unit in units.DefaultIfEmpty()
                       join instance in db.WorkflowInstances on directive.InstanceId equals instance.Id into instances
                       from instance in instances.DefaultIfEmpty()
                       select new { directive, UnitName = unit == null ? "" : unit.Name, Instance = instance })
            .SingleOrDefaultAsync(cancellationToken);
        if (d is null)
        {
            return null;
        }

        var byPillar = await ProgressByPillarAsync(query.Id, time.GetUtcNow(), cancellationToken);
        var cascade = await db.ActivityExecutions.AsNoTracking()
            .Where(e => e.InstanceId == d.directive.InstanceId && e.ExpectedBranches > 0)
            .GroupBy(e => 1)
            .Select(g => new CascadeProgress(g.Sum(e => e.ExpectedBranches), g.Sum(e => e.WrittenBranches)))
            .SingleOrDefaultAsync(cancellationToken) ?? new CascadeProgress(0, 0);
        var x = d.directive;
        return new DirectiveDetailDto(
            x.Id, x.Number, x.Title, x.Body, x.Priority.ToString(), x.IssuingUnitId, d.UnitName, x.WorkflowDefinitionId, x.WorkflowVersion,
            x.InstanceId, d.Instance?.Status.ToString() ?? "", JsonNode.Parse(x.InputsJson) as JsonObject ?? [], x.CreatedAt, x.CreatedBy,
            d.Instance?.CompletedAt, byPillar.Aggregate(DirectiveProgress.Empty, (sum, p) => sum.Add(p.Progress)), byPillar, cascade);
    }

    private async Task<List<PillarProgress>> ProgressByPillarAsync(Guid directiveId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The CASE expressions are TaskCategoryFilter's predicates: completed on time / late by CompletedAt vs DueAt,
        // open within / past the deadline by DueAt vs now; cancelled tasks and a unit's own sub-cascade are left out.
        var rows = await (from t in db.Tasks.AsNoTracking()
                          where t.DirectiveId == directiveId && t.Status != UnitTaskStatus.Cancelled && t.ParentTaskId == null
                          join u in db.Units on t.UnitId equals u.Id
                          group t by u.Pillar into g
                          select new
                          {
                              Pillar = g.Key,
                              Total = g.Count(),
                              OnTime = g.Sum(t => t.Status == UnitTaskStatus.Completed && t.CompletedAt != null && t.CompletedAt <= t.DueAt ? 1 : 0),
                              Late = g.Sum(t => t.Status == UnitTaskStatus.Completed && t.CompletedAt != null && t.CompletedAt > t.DueAt ? 1 : 0),
                              Within = g.Sum(t => t.Status != UnitTaskStatus.Completed && t.DueAt >= now ? 1 : 0),
                              Overdue = g.Sum(t => t.Status != UnitTaskStatus.Completed && t.DueAt < now ? 1 : 0),
                          }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Pillar)
            .Select(r => new PillarProgress(OrgUnit.PillarCode(r.Pillar), new DirectiveProgress(r.Total, r.OnTime, r.Late, r.Within, r.Overdue)))
            .ToList();
    }
}
