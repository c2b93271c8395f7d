using System.Security.Claims;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>
/// The directive and its flow, or null when it does not exist or <paramref name="Caller"/> may not read it
/// (<see cref="DirectiveReader"/>). The instance view's queries use a context each: a circuit's components ask concurrently.
/// </summary>
public sealed record GetFlowHeaderQuery(Guid DirectiveId, ClaimsPrincipal Caller) : IQuery<FlowHeader?>;

public sealed class GetFlowHeaderHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<GetFlowHeaderQuery, FlowHeader?>
{
    public async ValueTask<FlowHeader?> Handle(GetFlowHeaderQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reader = await DirectiveReader.ForAsync(db, query.Caller, cancellationToken);
        var directive = await reader.Filter(db, db.Directives.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == query.DirectiveId, cancellationToken);
        if (directive is null)
        {
            return null;
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.DirectiveId == directive.Id, cancellationToken);
        var record = instance is not null
            ? await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == instance.DefinitionRecordId, cancellationToken)
            : await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(
                r => r.DefinitionId == directive.WorkflowDefinitionId && r.Version == directive.WorkflowVersion, cancellationToken);
        return record is null
            ? null
            : new FlowHeader(directive.Id, directive.Number, directive.Title, record.DefinitionId, record.Version, instance?.Status,
                WorkflowDefinitionSerializer.Deserialize(record.Json));
    }
}
