using System.Text.Json.Nodes;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// The units the issuer of directive <paramref name="DirectiveId"/> chose per narrowable cascade (<see cref="ChosenTargets"/>),
/// with the cascade's name from the flow version it runs; empty when the issuer chose none (every target is reached).
/// </summary>
public sealed record ListChosenTargetsQuery(Guid DirectiveId) : IQuery<IReadOnlyList<CascadeTargetSet>>;

/// <remarks>A context of its own, for the same reason as <see cref="Attachments.ListDirectiveAttachmentsHandler"/>: a panel beside others.</remarks>
public sealed class ListChosenTargetsHandler(IDbContextFactory<DirectiveFlowDbContext> contexts, WorkflowDefinitionCache definitions)
    : IQueryHandler<ListChosenTargetsQuery, IReadOnlyList<CascadeTargetSet>>
{
    public async ValueTask<IReadOnlyList<CascadeTargetSet>> Handle(ListChosenTargetsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var directive = await (from d in db.Directives.AsNoTracking()
                               where d.Id == query.DirectiveId
                               join r in db.WorkflowDefinitions on new { d.WorkflowDefinitionId, Version = d.WorkflowVersion }
                                   equals new { WorkflowDefinitionId = r.DefinitionId, r.Version }
                               select new { d.InputsJson, RecordId = r.Id })
            .SingleOrDefaultAsync(cancellationToken);
        var inputs = directive is null ? [] : JsonNode.Parse(directive.InputsJson) as JsonObject ?? [];
        if (directive is null || inputs[ChosenTargets.Key] is not JsonObject targets)
        {
            return [];
        }

        var flow = await definitions.GetAsync(db, directive.RecordId, cancellationToken);
        var result = new List<CascadeTargetSet>();
        foreach (var activityId in targets.Select(p => p.Key).ToList())
        {
            var codes = ChosenTargets.For(inputs, activityId)?.ToList() ?? [];
            var name = flow.Definition.Activities.FirstOrDefault(a => a.Id == activityId)?.Name ?? activityId;
            result.Add(new CascadeTargetSet(activityId, name, await TargetOptions.LoadAsync(db, db.Units.Where(u => codes.Contains(u.Code)), cancellationToken)));
        }

        return result;
    }
}
