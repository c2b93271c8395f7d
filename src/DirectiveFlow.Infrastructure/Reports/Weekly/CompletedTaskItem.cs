namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>A task completed during the week (by its completion time), on time or late.</summary>
public sealed record CompletedTaskItem(
    Guid TaskId, Guid DirectiveId, string DirectiveNumber, string Title, Guid UnitId, string UnitCode, string UnitName,
    DateTimeOffset DueAt, DateTimeOffset CompletedAt, bool OnTime);
