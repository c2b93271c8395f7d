using Microsoft.Extensions.Hosting;

namespace DirectiveFlow.Infrastructure.Hosting;

/// <summary>
/// A background loop that ends quietly once it is asked to stop. A host that fails to start (a busy listening address)
/// disposes its services without stopping them, which cancels their loops mid-wait; the host then logged each such
/// loop as a failed background service, with a stack trace, under the one-screen message that names the wrong
/// setting. A failure while running (the token not cancelled) still reaches the host as before.
/// </summary>
public abstract class StoppableService : BackgroundService
{
    /// <summary>The loop; it may throw on cancellation like any awaited call.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Asked to stop: whatever the cancellation broke (a wait, a disposed scope) is not a failure to report.
        }
    }
}
