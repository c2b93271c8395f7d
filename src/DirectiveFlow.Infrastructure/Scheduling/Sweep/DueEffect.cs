using DirectiveFlow.Infrastructure.Email.Outbox;

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
/// <see cref="DedupeKey"/> (unique per task: <c>kind:…</c>) carries the deadline's version (its UTC minute), so an
/// extension restarts the ladder. It does not hold the task's id, so a class of tasks swept together shares it.
/// </summary>
public sealed record DueEffect(DueEffectKind Kind, int Number, DateTimeOffset FireAt, string RecipientRole, string DedupeKey)
{
    /// <summary>The journal action of this step (<see cref="ChaseKeys.ActionOf"/> its key).</summary>
    public string Action => ChaseKeys.ActionOf(DedupeKey) ?? throw new InvalidOperationException($"'{DedupeKey}' is not a step's key.");
}
