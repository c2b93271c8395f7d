namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// The work one lead unit owes for one activity of one directive. The row is also the engine's bookmark for the
/// waiting UnitTask activity: resuming means a guarded status change on this row. Unique per
/// (instance, activity, unit, item), so a cascade can never assign the same unit twice for the same item.
/// </summary>
public sealed class UnitTask
{
    public Guid Id { get; set; }

    public Guid DirectiveId { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The cascade execution this task is a branch of, if any.</summary>
    public Guid? CascadeExecutionId { get; set; }

    /// <summary>The task whose unit re-cascaded to this one's unit, if any.</summary>
    public Guid? ParentTaskId { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>The unit that assigned the task and reviews it and decides its extensions.</summary>
    public Guid AssignerUnitId { get; set; }

    public required string Title { get; set; }

    public string Instructions { get; set; } = "";

    public UnitTaskStatus Status { get; set; } = UnitTaskStatus.Assigned;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The deadline first set; stays on record when an extension moves <see cref="DueAt"/>.</summary>
    public DateTimeOffset OriginalDueAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>When the lead unit submitted the result that was finally accepted (or completed without review).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    public string? ResultSummary { get; set; }

    public int ProgressPercent { get; set; }

    public DateTimeOffset? LastProgressAt { get; set; }

    public ProgressCadence ProgressCadence { get; set; }

    /// <summary>Whether a Review follows this task in the flow (complete → Reported instead of Completed).</summary>
    public bool RequiresReview { get; set; }

    /// <summary>Whether the task may complete while a sub-cascade it started is still open.</summary>
    public bool AllowCompleteBeforeSubCascade { get; set; }

    /// <summary>An open sub-cascade started by this task's unit, if any.</summary>
    public Guid? SubCascadeExecutionId { get; set; }

    /// <summary>When the due-work sweep should next look at this task (reminder, due notice, escalation); null when nothing is pending.</summary>
    public DateTimeOffset? NextActionAt { get; set; }

    /// <summary>How many reminders/escalations ("chases") have been sent.</summary>
    public int ChaseCount { get; set; }

    public int EscalationLevel { get; set; }

    /// <summary>Raised to the issuing leadership (Hà Nội's rule: chased more than three times).</summary>
    public bool IsRaised { get; set; }

    /// <summary>Reminder and escalation policy for this task as JSON, copied from the flow when the task is written.</summary>
    public string? PolicyJson { get; set; }

    /// <summary>The officer of the unit the task is handed to (người xử lý); null until the head or an officer assigns it.</summary>
    public Guid? AssignedUserId { get; set; }

    /// <summary>
    /// The item of an itemized directive this task carries out (its <c>DirectiveItem.Ordinal</c>); 0 for a task not
    /// made from an item. Part of the unique key, so one unit may lead two items of the same document.
    /// </summary>
    public int ItemNo { get; set; }

    public int ConcurrencyStamp { get; set; }

    /// <summary>The reporting category at <paramref name="now"/> (null when cancelled); derived, never stored.</summary>
    public TaskCategory? CategoryAt(DateTimeOffset now) => TaskCategories.Of(Status, DueAt, CompletedAt, now);
}
