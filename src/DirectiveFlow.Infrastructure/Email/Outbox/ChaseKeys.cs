namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The dedupe keys of the emails that chase a task (reminders, due-today notices, escalations, raised, progress
/// missing, not acknowledged): how they begin, and which journal action each stands for. The sweep writes them; the reports count them.
/// </summary>
public static class ChaseKeys
{
    /// <summary>How the dedupe keys of the scheduled steps begin: an outbox row about a task with one of these is a chase.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        ["reminder:", "due:", "escalation:", "raised:", "progress:", NotAcknowledgedReminder, NotAcknowledgedEscalation];

    /// <summary>Whether an outbox row with <paramref name="dedupeKey"/> chases its task (one of <see cref="Prefixes"/>).</summary>
    public static bool IsChase(string dedupeKey) => Prefixes.Any(p => dedupeKey.StartsWith(p, StringComparison.Ordinal));

    /// <summary>How the key of the reminder to acknowledge a task begins.</summary>
    public const string NotAcknowledgedReminder = "ack-reminder:";

    /// <summary>How the key of the escalation of a task never acknowledged begins.</summary>
    public const string NotAcknowledgedEscalation = "ack-escalation:";

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
            "ack-reminder" => "task.not-acknowledged",
            "ack-escalation" => "escalation.not-acknowledged",
            _ => null,
        };
    }
}
