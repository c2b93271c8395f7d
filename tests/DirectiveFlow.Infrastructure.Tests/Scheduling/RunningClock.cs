namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// An application clock that starts at a scenario's instant and then runs at real speed: Quartz fires the jobs on real
/// time, and the jobs see the scenario's date moving as it would.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
