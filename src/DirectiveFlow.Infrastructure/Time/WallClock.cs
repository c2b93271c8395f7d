namespace DirectiveFlow.Infrastructure.Time;

/// <summary>
/// Real time, for what nodes agree on among themselves — cascade and outbox leases, Quartz's triggers and cluster
/// check-ins — which must not jump when the demo clock (the application's <see cref="TimeProvider"/>) is moved.
/// Outside demo mode both read the same system clock; tests hand in a fake one.
/// </summary>
public sealed class WallClock(TimeProvider inner) : TimeProvider
{
    /// <summary>The system clock.</summary>
    public static WallClock Default { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
