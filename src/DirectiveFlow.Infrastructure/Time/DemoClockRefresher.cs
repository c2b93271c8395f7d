using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Time;

/// <summary>
/// Re-reads the shared demo clock offset every <see cref="DemoOptions.ClockRefresh"/>, so pages and requests
/// on this node follow an advance made on another within seconds (jobs re-read it before they run anyway).
/// </summary>
public sealed class DemoClockRefresher(DemoTimeProvider clock, IOptions<DemoOptions> options, WallClock wall, ILogger<DemoClockRefresher> logger)
    : StoppableService
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClockRefresh, wall);
        try
        {
            do
            {
                try
                {
                    await clock.RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Before the database is migrated, or while it is away: the cached offset holds meanwhile.
                    logger.LogDebug(e, "Reading the demo clock failed; trying again in {Interval}", options.Value.ClockRefresh);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
