namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>
/// The application's clock in demo mode (<c>Demo:Enabled</c>): the system time plus an offset that only moves
/// forward, so a demonstration can jump days ahead and watch reminders and escalations arrive. The offset lives in
/// memory: a restart returns to real time.
/// </summary>
public sealed class DemoTimeProvider(TimeProvider system) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    /// <summary>Moves the clock forward by <paramref name="by"/> (which must be positive) and answers the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
