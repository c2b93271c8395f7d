namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// What the sweep does to one task: the effects to write (emails), the task's new schedule fields, and the ladder
/// steps passed but not mailed (<see cref="Skipped"/>: a catch-up mails only the highest step per recipient; these
/// are counted in the directive's journal as <see cref="DueEffect.SkippedAction"/>).
/// </summary>
public sealed record SweepDecision(
    IReadOnlyList<DueEffect> Effects,
    DateTimeOffset? NextActionAt,
    int ChaseCount,
    int EscalationLevel,
    bool IsRaised,
    IReadOnlyList<DueEffect> Skipped);
