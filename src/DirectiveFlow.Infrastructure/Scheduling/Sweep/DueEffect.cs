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
    /// <summary>How the dedupe keys of the scheduled steps begin: an outbox row about a task with one of these is a chase.</summary>
    public static IReadOnlyList<string> StepKeyPrefixes { get; } = ["reminder:", "due:", "escalation:", "raised:", "progress:"];

    /// <summary>The journal action of this step (<see cref="ActionOf"/> its key).</summary>
    public string Action => ActionOf(DedupeKey) ?? throw new InvalidOperationException($"'{DedupeKey}' is not a step's key.");

    /// <summary>
    /// The journal action of the step an outbox row's dedupe key stands for (the same names as the journal's own
    /// entries: <c>escalation.level2</c>, <c>task.reminder</c>, …); null for an email that is not a scheduled step.
    /// </summary>
    public static string? ActionOf(string dedupeKey)
    {
        var parts = dedupeKey.Split(':');
        return parts[0] switch
        {
            "reminder" => "task.reminder",
            "due" => "task.due-notice",
            "escalation" when parts.Length > 1 => $"escalation.level{parts[1]}",
            "raised" => "task.raised",
            "progress" => "task.progress-missing",
            _ => null,
        };
    }
}
