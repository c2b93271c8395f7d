namespace DirectiveFlow.Core.Email;

/// <summary>
/// A template model shared by many outbox rows: the sweep writes one per step and unit for all the tasks it sends the
/// same email about, and each row names it by <see cref="OutboxMessage.ModelId"/> instead of carrying a copy. The
/// row's own task (its id and title) is put in at dispatch.
/// </summary>
public sealed class OutboxModel
{
    public long Id { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
