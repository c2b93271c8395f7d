using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>Builds a <see cref="FlowStep"/> for an instance: its directive and its pinned, cached definition version.</summary>
public sealed class FlowStepLoader(WorkflowDefinitionCache definitions, TimeProvider time)
{
    /// <summary>
    /// The step, or null when the instance is no longer running (completed, cancelled, faulted). A step that moves on a
    /// branch names its unit (<paramref name="branchUnitId"/>): its name and place come in the same query, so resolving
    /// the branch's counterparts and addressing its tasks' notices need no lookup of their own.
    /// </summary>
    public async Task<FlowStep?> LoadAsync(
        DirectiveFlowDbContext db, Guid instanceId, string actor, bool canDeferCascades, CancellationToken cancellationToken,
        Guid? branchUnitId = null)
    {
        // One round trip for the instance's state, what the flow reads of its directive (not its body, which can be long)
        // with how letters cite it, and the branch unit: every engine step starts here.
        var branchId = branchUnitId ?? Guid.Empty;
        var row = await (
                from i in db.WorkflowInstances.AsNoTracking()
                join d in db.Directives.AsNoTracking() on i.DirectiveId equals d.Id
                join iu in db.Units.AsNoTracking() on d.IssuingUnitId equals iu.Id into issuers
                from iu in issuers.DefaultIfEmpty()
                join b in db.Units.AsNoTracking() on branchId equals b.Id into branches
                from b in branches.DefaultIfEmpty()
                join bl in db.Localities.AsNoTracking() on b.LocalityId equals bl.Id into branchLocalities
                from bl in branchLocalities.DefaultIfEmpty()
                where i.Id == instanceId
                select new
                {
                    i.Status, i.DefinitionRecordId,
                    Directive = new Directive
                    {
                        Id = d.Id, Number = d.Number, Title = d.Title, Priority = d.Priority, IssuingUnitId = d.IssuingUnitId,
                        CreatedBy = d.CreatedBy, InputsJson = d.InputsJson, Deadline = d.Deadline, DocumentType = d.DocumentType,
                        IssuedOn = d.IssuedOn, Summary = d.Summary, WorkflowDefinitionId = d.WorkflowDefinitionId,
                        SignerName = d.SignerName, SignerPosition = d.SignerPosition,
                    },
                    IssuerName = iu == null ? "" : iu.Name,
                    BranchName = b == null ? null : b.Name,
                    BranchPillar = b == null ? (Pillar?)null : b.Pillar,
                    BranchNational = bl != null && bl.Type == LocalityType.Country,
                    BranchProvince = bl == null ? (Guid?)null : bl.ParentId ?? bl.Id,
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
            Directive = FlowDocument.From(row.Directive) with { IssuingUnitName = row.IssuerName },
            Branch = row is { BranchName: { } name, BranchPillar: { } pillar, BranchProvince: { } province }
                ? new BranchUnit(branchId, name, new UnitPlace(pillar, row.BranchNational, province))
                : null,
            Now = time.GetUtcNow(),
            Actor = actor,
            CanDeferCascades = canDeferCascades,
        };
    }
}
