using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Engine.Recovery;

/// <summary>
/// At start, finishes every cascade a previous process left half-written (from its checkpoint, skipping rows that
/// exist); then writes the batches of large cascades queued by requests, in the background.
/// </summary>
public sealed class EngineRecoveryService(
    IServiceScopeFactory scopes, CascadeBatchRunner runner, CascadeQueue queue, ILogger<EngineRecoveryService> logger) : BackgroundService
{
    /// <summary>Finishes every half-written cascade; answers how many it resumed.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        List<Guid> unfinished;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unfinished = await CascadeBatchRunner.UnfinishedAsync(scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>(), cancellationToken);
        }

        foreach (var id in unfinished)
        {
            var wrote = await runner.ContinueAsync(id, knownNew: false, cancellationToken);
            logger.LogInformation("Recovered cascade {CascadeId}: wrote {Branches} remaining branches", id, wrote);
        }

        return unfinished.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Cascade recovery failed; it runs again at the next start");
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.ContinueAsync(id, knownNew: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing cascade {CascadeId} failed; recovery finishes it at the next start", id);
            }
        }
    }
}
