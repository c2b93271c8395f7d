namespace DirectiveFlow.Core.Journal;

/// <summary>An append-only record of one state change: who, when, what, for a directive and optionally one task.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }

    public Guid DirectiveId { get; set; }

    public Guid? InstanceId { get; set; }

    public Guid? TaskId { get; set; }

    public string? ActivityId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or "system" for the engine and the scheduler.</summary>
    public required string Actor { get; set; }

    /// <summary>A stable code such as "task.completed" or "escalation.level2".</summary>
    public required string Action { get; set; }

    public string? Detail { get; set; }
}
