namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>What the sweep does to one task: the effects to write and the task's new schedule fields.</summary>
public sealed record SweepDecision(
    IReadOnlyList<DueEffect> Effects,
    DateTimeOffset? NextActionAt,
    int ChaseCount,
    int EscalationLevel,
    bool IsRaised);
