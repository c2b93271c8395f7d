namespace DirectiveFlow.Core.Email;

/// <summary>
/// An email written in the same transaction as the state change that caused it. <see cref="DedupeKey"/> is unique,
/// so a scheduled effect (e.g. "escalation:{taskId}:2") can be written once only, whatever re-runs.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string DedupeKey { get; set; }

    /// <summary>Recipients separated by ';'.</summary>
    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    /// <summary>An optional iCalendar attachment (the deadline).</summary>
    public string? IcsContent { get; set; }

    public string? IcsFileName { get; set; }

    public Guid? TaskId { get; set; }

    public Guid? DirectiveId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
