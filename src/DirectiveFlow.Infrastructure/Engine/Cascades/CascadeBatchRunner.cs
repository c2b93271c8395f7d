using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes the remaining branches of a large cascade in batches. Each batch claims its range by moving the checkpoint
/// (<c>WrittenBranches</c>) with a guarded update and commits the rows with it, so a crash loses at most the open
/// batch and a re-run continues from the checkpoint; the unique (instance, activity, unit) key skips any row that exists.
/// The same update takes or renews this node's <see cref="CascadeLease"/>, and succeeds only while no other live node
/// holds it: two nodes never write one cascade at the same time, and a dead node's cascade is taken over once its
/// lease runs out.
/// </summary>
public sealed class CascadeBatchRunner(
    IServiceScopeFactory scopes, ResolvedTargets handoff, EngineOptions options, CascadeLease lease, IEnumerable<ICascadeBatchObserver> observers)
{
    /// <summary>
    /// Writes batches until the cascade is fully written (or cancelled, or held by another node); answers how many
    /// branches this call wrote.
    /// </summary>
    public async Task<int> ContinueAsync(Guid cascadeId, bool knownNew, CancellationToken cancellationToken)
    {
        // Taken whatever follows, so a cascade another node has finished leaves nothing behind in this one.
        var targets = handoff.Take(cascadeId);
        var wrote = 0;
        using var telemetry = CascadeTelemetry.Batched();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DirectiveFlowDbContext>();
            using var savepoints = new SavepointsOff(db); // a failed batch is rolled back whole and written again
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var cascade = await db.ActivityExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == cascadeId, cancellationToken);
            if (cascade is null || cascade.WrittenBranches >= cascade.ExpectedBranches)
            {
                return wrote;
            }

            var step = cascade.Status == ActivityExecutionStatus.Cancelled ? null
                : await services.GetRequiredService<FlowStepLoader>().LoadAsync(db, cascade.InstanceId, "system", false, cancellationToken);
            if (step is null)
            {
                // Cancelled, or its instance no longer runs: nothing more is written, and no node need look at it again.
                await db.ActivityExecutions.Where(e => e.Id == cascadeId && e.LeaseUntil != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return wrote;
            }

            targets ??= await CascadeTargets.ResolveAsync(step, cascade.ActivityId, cascade.UnitId, cascade.ItemNo, cancellationToken);
            var from = cascade.WrittenBranches;
            var batch = targets.Skip(from).Take(options.CascadeBatchSize).ToList();
            var to = batch.Count == 0 ? cascade.ExpectedBranches : from + batch.Count;
            if (!await ClaimAsync(db, cascadeId, from, to, to >= cascade.ExpectedBranches, cancellationToken))
            {
                return wrote; // another node holds the lease, or another writer took this range
            }

            var walker = services.GetRequiredService<FlowWalker>();
            // A flaw in the flow met in a batch (a condition failing for some unit) faults the instance, committed with the
            // claim, instead of rolling the batch back to be tried again, and failing again, by every node for ever.
            var ran = await FaultGuard.RunAsync(step, async () =>
            {
                await services.GetRequiredService<CascadeBranchWriter>().WriteAsync(step, cascade, batch, walker, knownNew, cancellationToken);
                step.Journal("cascade.batch", $"{to}/{cascade.ExpectedBranches}", cascade.ActivityId);
                await walker.DrainAsync(step, cancellationToken);
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (!ran)
            {
                continue; // the instance no longer runs: the next round lets the lease go
            }

            wrote += batch.Count;
            telemetry.Wrote(batch.Count, last: to >= cascade.ExpectedBranches);
            foreach (var observer in observers)
            {
                await observer.OnBatchCommittedAsync(cascadeId, to, cascade.ExpectedBranches, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Cascades whose branches are not all written yet and that no other live node holds (left by a crash, or by a
    /// version that had no leases).
    /// </summary>
    public Task<List<Guid>> UnfinishedAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken) =>
        db.ActivityExecutions.AsNoTracking()
            .Where(e => e.WrittenBranches < e.ExpectedBranches && e.Status != ActivityExecutionStatus.Cancelled)
            .Where(lease.Writable(lease.Now))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Moves the checkpoint from <paramref name="from"/> to <paramref name="to"/> if no other node holds the cascade,
    /// taking or renewing this node's lease with it (the last batch lets it go). Commits with the batch.
    /// </summary>
    private async Task<bool> ClaimAsync(DirectiveFlowDbContext db, Guid cascadeId, int from, int to, bool last, CancellationToken cancellationToken)
    {
        var now = lease.Now;
        var owner = last ? null : lease.Owner;
        DateTimeOffset? until = last ? null : lease.Until(now);
        var claimed = await db.ActivityExecutions.Where(e => e.Id == cascadeId && e.WrittenBranches == from)
            .Where(lease.Writable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.WrittenBranches, to)
                .SetProperty(e => e.LeaseOwner, owner)
                .SetProperty(e => e.LeaseUntil, until)
                .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
        return claimed == 1;
    }
}
