namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>What a scheduled effect is.</summary>
public enum DueEffectKind
{
    Reminder = 1,
    DueToday = 2,
    Escalation = 3,
    Raised = 4,
    ProgressMissing = 5,
}

/// <summary>
/// One effect due for a task. <see cref="Number"/> is the reminder's working days before, or the escalation level.
/// <see cref="DedupeKey"/> carries the deadline's version (its UTC minute), so an extension restarts the ladder.
/// </summary>
public sealed record DueEffect(DueEffectKind Kind, int Number, DateTimeOffset FireAt, string RecipientRole, string DedupeKey);
