using DirectiveFlow.Core.Directives;
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
        // One round trip for the instance's state and what the flow reads of its directive (not its body, which can be
        // long): every engine step starts here.
        var row = await (
                from i in db.WorkflowInstances.AsNoTracking()
                join d in db.Directives.AsNoTracking() on i.DirectiveId equals d.Id
                where i.Id == instanceId
                select new
                {
                    i.Status, i.DefinitionRecordId,
                    Directive = new Directive
                    {
                        Id = d.Id, Number = d.Number, Title = d.Title, Priority = d.Priority, IssuingUnitId = d.IssuingUnitId,
                        CreatedBy = d.CreatedBy, InputsJson = d.InputsJson, Deadline = d.Deadline, DocumentType = d.DocumentType,
                        IssuedOn = d.IssuedOn, Summary = d.Summary, WorkflowDefinitionId = d.WorkflowDefinitionId,
                    },
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.Status != WorkflowInstanceStatus.Running)
        {
            return null;
        }

        return new FlowStep
        {
            Db = db,
            InstanceId = instanceId,
            Flow = await definitions.GetAsync(db, row.DefinitionRecordId, cancellationToken),
            Directive = FlowDocument.From(row.Directive),
            Now = time.GetUtcNow(),
            Actor = actor,
            CanDeferCascades = canDeferCascades,
        };
    }
}
