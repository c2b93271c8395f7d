using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Time;

/// <summary>
/// The application's clock in demo mode (<c>Demo:Enabled</c>): real time plus an offset that only moves forward, so a
/// demonstration can jump days ahead and watch reminders and escalations arrive. The offset lives in the database
/// (<see cref="DemoClockState"/>), shared by every node and kept across restarts; each node caches it, so
/// <see cref="GetUtcNow"/> stays a read of memory, and refreshes it every few seconds and before each job
/// (<see cref="DemoClockRefresher"/>, <see cref="DomainTime"/>).
/// </summary>
public sealed class DemoTimeProvider(WallClock wall, IServiceScopeFactory scopes) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => wall.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => wall.LocalTimeZone;

    public override long GetTimestamp() => wall.GetTimestamp();

    public override long TimestampFrequency => wall.TimestampFrequency;

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/> (which must be positive) for every node, and answers the new time.
    /// </summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
            var at = wall.GetUtcNow();
            // One relative UPDATE: two nodes advancing at once both count.
            var moved = await db.DemoClock.Where(c => c.Id == DemoClockState.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OffsetTicks, c => c.OffsetTicks + by.Ticks).SetProperty(c => c.AdvancedAt, at), cancellationToken);
            if (moved == 0)
            {
                db.DemoClock.Add(new DemoClockState { Id = DemoClockState.SingletonId, OffsetTicks = Offset.Ticks + by.Ticks, AdvancedAt = at });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await RefreshAsync(cancellationToken);
        return GetUtcNow();
    }

    /// <summary>Reads the shared offset (a node picks up another's advance here).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        var stored = await db.DemoClock.AsNoTracking().Where(c => c.Id == DemoClockState.SingletonId)
            .Select(c => (long?)c.OffsetTicks).SingleOrDefaultAsync(cancellationToken);
        if (stored is { } ticks)
        {
            Forward(ticks);
        }
    }

    /// <summary>Takes <paramref name="ticks"/> unless the cache is already further ahead: the clock never goes back.</summary>
    private void Forward(long ticks)
    {
        var seen = Interlocked.Read(ref _offsetTicks);
        while (ticks > seen)
        {
            var was = Interlocked.CompareExchange(ref _offsetTicks, ticks, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }
}
