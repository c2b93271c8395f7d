namespace DirectiveFlow.Core.Email;

/// <summary>
/// A template model shared by many outbox rows: the sweep writes one per step and deadline for all the tasks it sends
/// the same email about, and each row names it by <see cref="OutboxMessage.ModelId"/> instead of carrying a copy. At
/// dispatch each row gets its own copy with its task's id and title, its unit, and the recipients
/// <see cref="RecipientRole"/> names for that task — as they are then: a dead letter retried days later goes to the
/// unit's head of that day.
/// </summary>
public sealed class OutboxModel
{
    public long Id { get; set; }

    public required string Json { get; set; }

    /// <summary>Whom the rows are addressed to, relative to each row's task (e.g. the unit's head, the parent unit's head).</summary>
    public required string RecipientRole { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The notices this model still stands for, not yet outbox rows of their own: a cascade writes its tasks' notices
    /// here, one line per notice (the task's id in 32 hex digits, a space, the row's dedupe key), and the dispatcher
    /// expands them into rows (<c>NoticeExpansion</c>) and clears this. Null for every other model, and once expanded.
    /// </summary>
    public string? Notices { get; set; }

    /// <summary>How many lines <see cref="Notices"/> holds: more than 0 while they wait, 0 once expanded.</summary>
    public int NoticeCount { get; set; }

    /// <summary>The template of the rows <see cref="Notices"/> expands into.</summary>
    public string? NoticeTemplate { get; set; }

    /// <summary>The directive of the tasks <see cref="Notices"/> names.</summary>
    public Guid? NoticeDirectiveId { get; set; }
}
