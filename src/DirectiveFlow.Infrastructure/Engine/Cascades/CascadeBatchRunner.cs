using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes the remaining branches of a large cascade in batches. Each batch claims its range by moving the checkpoint
/// (<c>WrittenBranches</c>) with a guarded update and commits the rows with it, so a crash loses at most the open
/// batch and a re-run continues from the checkpoint; the unique (instance, activity, unit) key skips any row that exists.
/// </summary>
public sealed class CascadeBatchRunner(
    IServiceScopeFactory scopes, ResolvedTargets handoff, EngineOptions options, IEnumerable<ICascadeBatchObserver> observers)
{
    /// <summary>Writes batches until the cascade is fully written (or cancelled); answers how many branches this call wrote.</summary>
    public async Task<int> ContinueAsync(Guid cascadeId, bool knownNew, CancellationToken cancellationToken)
    {
        List<TargetUnit>? targets = null;
        var wrote = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DirectiveFlowDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var cascade = await db.ActivityExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == cascadeId, cancellationToken);
            if (cascade is null || cascade.Status == ActivityExecutionStatus.Cancelled || cascade.WrittenBranches >= cascade.ExpectedBranches)
            {
                return wrote;
            }

            var step = await services.GetRequiredService<FlowStepLoader>().LoadAsync(db, cascade.InstanceId, "system", false, cancellationToken);
            if (step is null)
            {
                return wrote;
            }

            targets ??= handoff.Take(cascadeId) ?? await SelectorResolver.ResolveAsync(db, step.Flow.Properties<CascadeProperties>(cascade.ActivityId).Targets,
                cascade.UnitId, step.Directive.IssuingUnitId, step.Directive.Inputs, cancellationToken);
            var from = cascade.WrittenBranches;
            var batch = targets.Skip(from).Take(options.CascadeBatchSize).ToList();
            var to = batch.Count == 0 ? cascade.ExpectedBranches : from + batch.Count;
            var claimed = await db.ActivityExecutions.Where(e => e.Id == cascadeId && e.WrittenBranches == from)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.WrittenBranches, to)
                    .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
            if (claimed == 0)
            {
                return wrote; // another writer holds this range
            }

            var walker = services.GetRequiredService<FlowWalker>();
            await services.GetRequiredService<CascadeBranchWriter>().WriteAsync(step, cascade, batch, walker, knownNew, cancellationToken);
            step.Journal("cascade.batch", $"{to}/{cascade.ExpectedBranches}", cascade.ActivityId);
            await walker.DrainAsync(step, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            wrote += batch.Count;
            foreach (var observer in observers)
            {
                await observer.OnBatchCommittedAsync(cascadeId, to, cascade.ExpectedBranches, cancellationToken);
            }
        }
    }

    /// <summary>Cascades whose branches are not all written yet (left by a crash or still being written).</summary>
    public static Task<List<Guid>> UnfinishedAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken) =>
        db.ActivityExecutions.AsNoTracking()
            .Where(e => e.WrittenBranches < e.ExpectedBranches && e.Status != ActivityExecutionStatus.Cancelled)
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
}
