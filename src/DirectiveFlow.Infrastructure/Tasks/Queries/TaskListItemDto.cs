namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One row of an inbox or queue. Category, dueSoon and workingDaysLeft are derived at read time.</summary>
public sealed record TaskListItemDto(
    Guid Id,
    Guid DirectiveId,
    string? DirectiveNumber,
    string? DirectiveTitle,
    string Title,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    Guid AssignerUnitId,
    string Status,
    string? Category,
    bool DueSoon,
    int WorkingDaysLeft,
    DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReportedAt,
    int ProgressPercent)
{
    /// <summary>The officer the task is given to, if any.</summary>
    public AssigneeDto? AssignedTo { get; init; }
}
