using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Directives.Attachments;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// One directive with progress overall and per pillar, computed by one grouped query from dates and states at the
/// current time (the categories of <see cref="TaskCategories"/>, never stored flags) over <see cref="CountedTasks"/>. Null when it does not exist or
/// <paramref name="Reader"/> may not read it (<see cref="DirectiveReader.Everything"/> when null).
/// </summary>
public sealed record GetDirectiveQuery(Guid Id, DirectiveReader? Reader = null) : IQuery<DirectiveDetailDto?>;

public sealed class GetDirectiveHandler(DirectiveFlowDbContext db, TaskClock clock) : IQueryHandler<GetDirectiveQuery, DirectiveDetailDto?>
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

        var byPillar = await ProgressByPillarAsync(query.Id, clock.Time, withdrawn: d.directive.WithdrawnAt is not null, cancellationToken);
        var cascade = await db.ActivityExecutions.AsNoTracking()
            .Where(e => e.InstanceId == d.directive.InstanceId && e.ExpectedBranches > 0)
            .GroupBy(e => 1)
            .Select(g => new CascadeProgress(g.Sum(e => e.ExpectedBranches), g.Sum(e => e.WrittenBranches)))
            .SingleOrDefaultAsync(cancellationToken) ?? new CascadeProgress(0, 0);
        var attachments = await ListDirectiveAttachmentsHandler.ReadAsync(db, query.Id, cancellationToken);
        var x = d.directive;
        var withdrawal = await DirectiveWithdrawals.OfAsync(db, x.WithdrawnAt, x.WithdrawnBy, x.WithdrawalReason, cancellationToken);
        var (inputs, targets) = ChosenTargets.Split(JsonNode.Parse(x.InputsJson) as JsonObject ?? []);
        return new DirectiveDetailDto(
            x.Id, x.Number, x.Title, x.Body, x.Priority.ToString(), x.IssuingUnitId, d.UnitName, x.WorkflowDefinitionId, x.WorkflowVersion,
            x.InstanceId, d.Instance?.Status.ToString() ?? "", inputs, x.CreatedAt, x.CreatedBy,
            d.Instance?.CompletedAt, byPillar.Aggregate(DirectiveProgress.Empty, (sum, p) => sum.Add(p.Progress)), byPillar, cascade,
            x.DocumentType?.ToString(), x.IssuedOn, SignerDto.Of(x), x.Summary, x.Deadline, attachments)
        {
            Targets = targets,
            Withdrawal = withdrawal,
            StoppedTasks = withdrawal is null ? null : byPillar.Sum(p => p.Stopped ?? 0),
        };
    }

    /// <summary>Per pillar with tasks counted; once <paramref name="withdrawn"/>, with its stopped tasks, and a pillar whose tasks all stopped too.</summary>
    private async Task<List<PillarProgress>> ProgressByPillarAsync(Guid directiveId, CategoryTime time, bool withdrawn, CancellationToken cancellationToken)
    {
        var rows = await (from t in CountedTasks.All(db).AsNoTracking()
                          where t.DirectiveId == directiveId
                          join u in db.Units on t.UnitId equals u.Id
                          group t by u.Pillar)
            .Select(TaskCategoryQueries.Aggregate<Pillar, PillarCounts>(time, (g, c) => new PillarCounts(g.Key, c, g.Count(t => t.Status == UnitTaskStatus.Cancelled))))
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Counts.Total > 0 || (withdrawn && r.Stopped > 0)).OrderBy(r => r.Pillar)
            .Select(r => new PillarProgress(OrgUnit.PillarCode(r.Pillar), DirectiveProgress.From(r.Counts)) { Stopped = withdrawn ? r.Stopped : null })
            .ToList();
    }

    private sealed record PillarCounts(Pillar Pillar, TaskCategoryCounts Counts, int Stopped);
}
