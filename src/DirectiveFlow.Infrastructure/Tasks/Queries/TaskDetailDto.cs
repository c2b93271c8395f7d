namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// A task as its page shows it. <see cref="AllowedActions"/> lists exactly what the caller may do now (state, role
/// and context such as an open extension request), so the UI renders those buttons and no others.
/// </summary>
public sealed record TaskDetailDto(
    Guid Id,
    Guid DirectiveId,
    string? DirectiveNumber,
    string? DirectiveTitle,
    string? DirectiveBody,
    string Title,
    string Instructions,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    Guid AssignerUnitId,
    string? AssignerUnitCode,
    string? AssignerUnitName,
    string Status,
    string? Category,
    bool DueSoon,
    int WorkingDaysLeft,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReportedAt,
    int ProgressPercent,
    DateTimeOffset? LastProgressAt,
    string ProgressCadence,
    bool MissingReport,
    bool RequiresReview,
    string? ResultSummary,
    int EscalationLevel,
    bool IsRaised,
    IReadOnlyList<SupportingUnitDto> SupportingUnits,
    IReadOnlyList<ProgressReportDto> ProgressReports,
    IReadOnlyList<ExtensionRequestDto> ExtensionRequests,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<string> AllowedActions,
    int ConcurrencyStamp)
{
    /// <summary>The officer the task is given to, if any.</summary>
    public AssigneeDto? AssignedTo { get; init; }

    /// <summary>Whether the caller may give the task to one of the unit's people (the lead unit's head and officers, while it is open).</summary>
    public bool CanAssign { get; init; }
}
