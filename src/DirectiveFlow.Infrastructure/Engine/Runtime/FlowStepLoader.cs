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
    /// <summary>The step's query compiled once per model (tests run SQLite and PostgreSQL in one process).</summary>
    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, Guid, Task<StepRow?>>> Compiled = new(_ => EF.CompileAsyncQuery(
        (DirectiveFlowDbContext context, Guid instance, Guid branch) => (
            from i in context.WorkflowInstances.AsNoTracking()
            join d in context.Directives.AsNoTracking() on i.DirectiveId equals d.Id
            join iu in context.Units.AsNoTracking() on d.IssuingUnitId equals iu.Id into issuers
            from iu in issuers.DefaultIfEmpty()
            join b in context.Units.AsNoTracking() on branch equals b.Id into branches
            from b in branches.DefaultIfEmpty()
            join bl in context.Localities.AsNoTracking() on b.LocalityId equals bl.Id into branchLocalities
            from bl in branchLocalities.DefaultIfEmpty()
            where i.Id == instance
            select new StepRow(
                i.Status, i.DefinitionRecordId,
                new Directive
                {
                    Id = d.Id, Number = d.Number, Title = d.Title, Priority = d.Priority, IssuingUnitId = d.IssuingUnitId,
                    CreatedBy = d.CreatedBy, InputsJson = d.InputsJson, Deadline = d.Deadline, DocumentType = d.DocumentType,
                    IssuedOn = d.IssuedOn, Summary = d.Summary, WorkflowDefinitionId = d.WorkflowDefinitionId,
                    SignerName = d.SignerName, SignerPosition = d.SignerPosition,
                },
                iu == null ? "" : iu.Name,
                b == null ? null : b.Name,
                b == null ? (Pillar?)null : b.Pillar,
                bl != null && bl.Type == LocalityType.Country,
                bl == null ? (Guid?)null : bl.ParentId ?? bl.Id))
        .SingleOrDefault()));

    /// <summary>
    /// The step, or null when the instance is no longer running (completed, cancelled, faulted). A step that moves on a
    /// branch names its unit (<paramref name="branchUnitId"/>): its name and place come in the same query, so resolving
    /// the branch's counterparts and addressing its tasks' notices need no lookup of their own.
    /// </summary>
    /// <param name="faultedToo">
    /// Also a Faulted instance's step, for counting a unit's own sub-cascade join only: the flaw stopped the flow, not the
    /// work a unit gave its sub-units, whose end lets the unit complete its task.
    /// </param>
    public async Task<FlowStep?> LoadAsync(
        DirectiveFlowDbContext db, Guid instanceId, string actor, bool canDeferCascades, CancellationToken cancellationToken,
        Guid? branchUnitId = null, bool faultedToo = false)
    {
        // One round trip for the instance's state, what the flow reads of its directive (not its body, which can be long)
        // with how letters cite it, and the branch unit: every engine step starts here. Compiled: building the query's
        // cache key from its expression was a good part of a step's own CPU time.
        var branchId = branchUnitId ?? Guid.Empty;
        var row = await Compiled.For(db)(db, instanceId, branchId);
        if (row is null || (row.Status != WorkflowInstanceStatus.Running && !(faultedToo && row.Status == WorkflowInstanceStatus.Faulted)))
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

    private sealed record StepRow(
        WorkflowInstanceStatus Status, Guid DefinitionRecordId, Directive Directive, string IssuerName,
        string? BranchName, Pillar? BranchPillar, bool BranchNational, Guid? BranchProvince);
}
