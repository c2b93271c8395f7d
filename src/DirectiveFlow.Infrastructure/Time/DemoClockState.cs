namespace DirectiveFlow.Infrastructure.Time;

/// <summary>
/// The demo clock's offset, one row shared by every node on the database, so all of them (and their Quartz jobs)
/// agree on the demo time.
/// </summary>
public sealed class DemoClockState
{
    /// <summary>The one row's key.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>How far the demo clock is ahead of real time, in ticks; it only grows.</summary>
    public long OffsetTicks { get; set; }

    /// <summary>When (real time) it was last moved.</summary>
    public DateTimeOffset? AdvancedAt { get; set; }
}
