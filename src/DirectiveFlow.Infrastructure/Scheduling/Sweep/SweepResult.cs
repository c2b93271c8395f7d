namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>What one sweep did: tasks looked at, effects written (new outbox rows), duplicates skipped.</summary>
public sealed record SweepResult(int Tasks, int Effects, int Duplicates, int Skipped)
{
    public static readonly SweepResult None = new(0, 0, 0, 0);

    public static SweepResult operator +(SweepResult a, SweepResult b) =>
        new(a.Tasks + b.Tasks, a.Effects + b.Effects, a.Duplicates + b.Duplicates, a.Skipped + b.Skipped);
}
