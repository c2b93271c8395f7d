namespace DirectiveFlow.Core.Workflows;

/// <summary>
/// One execution of an activity inside an instance (a token at rest). A Cascade's execution is also its join: it
/// counts expected and finished branches, and the counter moves by one per finished branch.
/// Branches of a cascade point at it through <see cref="ParentExecutionId"/> and carry the unit they run for.
/// </summary>
public sealed class ActivityExecution
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public string ActivityType { get; set; } = "";

    /// <summary>The cascade branch (or sub-cascade) this execution runs inside; null at the top level.</summary>
    public Guid? ParentExecutionId { get; set; }

    /// <summary>The unit the enclosing branch runs for, if any.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The directive item the enclosing branch runs for (<c>DirectiveItem.Ordinal</c>); 0 outside an item cascade.</summary>
    public int ItemNo { get; set; }

    public ActivityExecutionStatus Status { get; set; } = ActivityExecutionStatus.Running;

    /// <summary>For a cascade: how many branches were selected.</summary>
    public int ExpectedBranches { get; set; }

    /// <summary>For a cascade: how many branches have been written so far (the batch checkpoint).</summary>
    public int WrittenBranches { get; set; }

    /// <summary>For a cascade: how many branches have finished (withdrawn ones included).</summary>
    public int CompletedBranches { get; set; }

    /// <summary>
    /// For a cascade: how many of the finished branches were withdrawn (their task cancelled by an administrator). A
    /// percentage rule is judged on the branches still awaited, without them: 8 of 10 is not met by 6 done and 2 withdrawn.
    /// </summary>
    public int WithdrawnBranches { get; set; }

    /// <summary>When a waiting execution should wake (Delay, or a cascade that completes at a deadline).</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    /// <summary>Small per-execution state as JSON (e.g. the selected targets' cursor); never grows with branches.</summary>
    public string? StateJson { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// For a cascade still being written: the node writing its batches. Any node may take the cascade over once
    /// <see cref="LeaseUntil"/> has passed; both are cleared when the last batch is written.
    /// </summary>
    public string? LeaseOwner { get; set; }

    /// <summary>For a cascade still being written: until when (real time) <see cref="LeaseOwner"/> holds it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public int ConcurrencyStamp { get; set; }
}
