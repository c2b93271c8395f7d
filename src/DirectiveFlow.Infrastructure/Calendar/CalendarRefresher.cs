using DirectiveFlow.Infrastructure.Hosting;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// Re-reads the working-day calendar every <see cref="Interval"/>, so a holiday an administrator adds on one node
/// counts on every node within a minute (the node where it is edited reloads at once).
/// </summary>
public sealed class CalendarRefresher(DatabaseWorkingDayCalendar calendar, WallClock wall, ILogger<CalendarRefresher> logger) : StoppableService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, wall);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await calendar.ReloadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away: the loaded calendar holds meanwhile.
                    logger.LogWarning(e, "Reloading the working-day calendar failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
