using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// The narrowable cascades of the published flow <paramref name="DefinitionId"/>, each with every unit it could reach
/// when <paramref name="IssuingUnitId"/> issues (<see cref="CascadeTargets.FullSetAsync"/>, the set the issue command
/// checks a choice against). Null when the flow has no published version. A selector reading a directive input is
/// resolved with the inputs given (none by default).
/// </summary>
public sealed record ListChoosableTargetsQuery(string DefinitionId, Guid IssuingUnitId, JsonObject? Inputs = null)
    : IQuery<IReadOnlyList<CascadeTargetSet>?>;

public sealed class ListChoosableTargetsHandler(DirectiveFlowDbContext db, WorkflowDefinitionCache definitions)
    : IQueryHandler<ListChoosableTargetsQuery, IReadOnlyList<CascadeTargetSet>?>
{
    public async ValueTask<IReadOnlyList<CascadeTargetSet>?> Handle(ListChoosableTargetsQuery query, CancellationToken cancellationToken)
    {
        var recordId = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == query.DefinitionId && d.IsPublished)
            .OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (recordId is null)
        {
            return null;
        }

        var flow = await definitions.GetAsync(db, recordId.Value, cancellationToken);
        var result = new List<CascadeTargetSet>();
        foreach (var cascade in flow.Definition.Activities.Where(a => a.Type == ActivityTypes.Cascade))
        {
            if (!flow.Properties<CascadeProperties>(cascade.Id).Narrowable)
            {
                continue;
            }

            var full = await CascadeTargets.FullSetAsync(db, flow, cascade.Id, query.IssuingUnitId, query.Inputs ?? [], cancellationToken);
            var ids = full.Select(u => u.Id).ToList();
            var units = await TargetOptions.LoadAsync(db, db.Units.Where(u => ids.Contains(u.Id)), cancellationToken);
            result.Add(new CascadeTargetSet(cascade.Id, cascade.Name ?? cascade.Id, units));
        }

        return result;
    }
}
