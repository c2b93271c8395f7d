namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// A clock that starts at a scenario's instant and then runs at real speed. Quartz runs on the application's clock, so a
/// node under test needs one that moves (a FakeTimeProvider never fires a trigger); the scenario keeps its date.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
