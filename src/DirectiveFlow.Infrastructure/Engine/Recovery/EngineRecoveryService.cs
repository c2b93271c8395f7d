using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Hosting;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Engine.Recovery;

/// <summary>
/// At start, finishes every cascade a previous process left half-written (from its checkpoint, skipping rows that
/// exist); then writes the batches of large cascades queued by requests, in the background; and every
/// <see cref="EngineOptions.RecoveryInterval"/> takes over the cascades whose writer's lease has run out, so the
/// cluster finishes what a dead node started.
/// </summary>
public sealed class EngineRecoveryService(
    IServiceScopeFactory scopes, CascadeBatchRunner runner, CascadeQueue queue, CascadeLease lease, EngineOptions options, WallClock clock,
    ILogger<EngineRecoveryService> logger) : StoppableService
{
    /// <summary>Finishes every half-written cascade no other live node holds; answers how many it found.</summary>
    public Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        ResumeAsync((db, ct) => runner.UnfinishedAsync(db, ct), cancellationToken);

    /// <summary>Finishes the cascades whose lease has run out; answers how many it found.</summary>
    public Task<int> TakeOverExpiredAsync(CancellationToken cancellationToken) =>
        ResumeAsync(lease.ExpiredAsync, cancellationToken);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Cascade recovery failed; any node takes the cascades over once their lease runs out");
        }

        await Task.WhenAll(WriteQueuedAsync(stoppingToken), WatchLeasesAsync(stoppingToken));
    }

    private async Task<int> ResumeAsync(Func<DirectiveFlowDbContext, CancellationToken, Task<List<Guid>>> find, CancellationToken cancellationToken)
    {
        List<Guid> found;
        await using (var scope = scopes.CreateAsyncScope())
        {
            found = await find(scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>(), cancellationToken);
        }

        foreach (var id in found)
        {
            // One cascade that cannot be written now (its batch failing) does not hold back the others found with it.
            try
            {
                // Rows another writer may have left are skipped (knownNew: false); a node that gets there first wins the lease.
                if (await runner.ContinueAsync(id, knownNew: false, cancellationToken) is > 0 and var wrote)
                {
                    logger.LogInformation("Finished cascade {CascadeId} from its checkpoint (its writer had stopped): wrote {Branches} branches", id, wrote);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Finishing cascade {CascadeId} from its checkpoint failed; it is tried again once its lease runs out", id);
            }
        }

        return found.Count;
    }

    private async Task WriteQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.ContinueAsync(id, knownNew: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing cascade {CascadeId} failed; a node takes it over once its lease runs out", id);
            }
        }
    }

    private async Task WatchLeasesAsync(CancellationToken stoppingToken)
    {
        if (options.RecoveryInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.RecoveryInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TakeOverExpiredAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Taking over cascades whose lease ran out failed; trying again in {Interval}", options.RecoveryInterval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
