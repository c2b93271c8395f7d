namespace DirectiveFlow.Core.Email;

/// <summary>
/// An email written in the same transaction as the state change that caused it. <see cref="DedupeKey"/> is unique per
/// task (with <see cref="TaskId"/>; on its own for an email about no task), so a scheduled effect (e.g. the task's
/// "escalation:2:{deadline}") can be written once only, whatever re-runs.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The longest <see cref="To"/> the column holds.</summary>
    public const int ToMaxLength = 2000;

    /// <summary>The longest <see cref="Subject"/> the column holds.</summary>
    public const int SubjectMaxLength = 500;

    /// <summary>Assigned by the database, in insert order (SQLite: the row id itself, no index of its own).</summary>
    public long Id { get; set; }

    public required string DedupeKey { get; set; }

    /// <summary>Recipients separated by ';'. Empty on a row naming a shared model until dispatch puts them in.</summary>
    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    /// <summary>An optional iCalendar attachment (the deadline).</summary>
    public string? IcsContent { get; set; }

    public string? IcsFileName { get; set; }

    /// <summary>
    /// When set, the email is rendered at dispatch from this template and <see cref="ModelJson"/>, in the recipient's
    /// language; <see cref="Subject"/> and the bodies are filled in then. Scheduled effects write only this, so a sweep
    /// over many tasks stays a few small inserts.
    /// </summary>
    public string? Template { get; set; }

    /// <summary>The template's model as JSON.</summary>
    public string? ModelJson { get; set; }

    /// <summary>
    /// Instead of <see cref="ModelJson"/>: a model shared with other rows (<see cref="OutboxModel"/>), completed with
    /// this row's task, and addressed, at dispatch.
    /// </summary>
    public long? ModelId { get; set; }

    public Guid? TaskId { get; set; }

    public Guid? DirectiveId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>
    /// Set while a dispatcher holds the row (real time, so moving the demo clock cannot hand a batch in flight to
    /// another node); no other dispatcher claims it before then. Renewed while the batch is sending.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The digest row this escalation went out in (<see cref="OutboxStatus.Digested"/>).</summary>
    public long? DigestId { get; set; }
}
