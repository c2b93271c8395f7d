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
}
