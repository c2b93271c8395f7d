using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>Builds a <see cref="FlowStep"/> for an instance: its directive and its pinned, cached definition version.</summary>
public sealed class FlowStepLoader(WorkflowDefinitionCache definitions, TimeProvider time)
{
    /// <summary>The step, or null when the instance is no longer running (completed, cancelled, faulted).</summary>
    public async Task<FlowStep?> LoadAsync(
        DirectiveFlowDbContext db, Guid instanceId, string actor, bool canDeferCascades, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.Status, i.DefinitionRecordId, i.DirectiveId })
            .SingleOrDefaultAsync(cancellationToken);
        if (instance is null || instance.Status != WorkflowInstanceStatus.Running)
        {
            return null;
        }

        var directive = await db.Directives.AsNoTracking().SingleAsync(d => d.Id == instance.DirectiveId, cancellationToken);
        return new FlowStep
        {
            Db = db,
            InstanceId = instanceId,
            Flow = await definitions.GetAsync(db, instance.DefinitionRecordId, cancellationToken),
            Directive = FlowDocument.From(directive),
            Now = time.GetUtcNow(),
            Actor = actor,
            CanDeferCascades = canDeferCascades,
        };
    }
}
