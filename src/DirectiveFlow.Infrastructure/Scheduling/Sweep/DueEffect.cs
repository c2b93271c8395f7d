using DirectiveFlow.Infrastructure.Email.Addressing;
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

    /// <summary>The unit has not acknowledged its task: a reminder to the unit.</summary>
    NotAcknowledged = 6,

    /// <summary>Still not acknowledged: the ladder's first recipient is told (the task's first chase).</summary>
    NotAcknowledgedEscalation = 7,
}

/// <summary>
/// One effect due for a task. <see cref="Number"/> is the reminder's working days before, the escalation level, or
/// (not acknowledged) the working days since the task was assigned. <see cref="DedupeKey"/> (unique per task:
/// <c>kind:…</c>) carries the deadline's version (its UTC minute), so an extension restarts the ladder. It does not
/// hold the task's id, so a class of tasks swept together shares it. <see cref="RecipientRole"/> may be marked
/// <see cref="RecipientRoles.Immediate"/> (a step that asks to be sent at once, not in a digest).
/// </summary>
public sealed record DueEffect(DueEffectKind Kind, int Number, DateTimeOffset FireAt, string RecipientRole, string DedupeKey)
{
    /// <summary>The journal action counting the tasks whose ladder steps were passed during a catch-up and not mailed (a
    /// higher step to the same recipient was): the directive's journal counts them, the task keeps no email of those steps.</summary>
    public const string SkippedAction = "escalation.skipped";

    /// <summary>The dedupe keys of the not-acknowledged reminder and escalation begin so.</summary>
    public const string NotAcknowledgedKey = ChaseKeys.NotAcknowledgedReminder;

    public const string NotAcknowledgedEscalationKey = ChaseKeys.NotAcknowledgedEscalation;

    /// <summary>The journal action of this step (<see cref="ChaseKeys.ActionOf"/> its key).</summary>
    public string Action => ChaseKeys.ActionOf(DedupeKey) ?? throw new InvalidOperationException($"'{DedupeKey}' is not a step's key.");

    /// <summary>The recipient role without its <see cref="RecipientRoles.Immediate"/> mark.</summary>
    public string PlainRole => RecipientRoles.Parse(RecipientRole).Role;
}
