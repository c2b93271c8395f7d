namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>One task of a directive with its unit and its category at the time of the query.</summary>
public sealed record DirectiveTaskDto(
    Guid Id, Guid DirectiveId, string ActivityId, string Title, Guid UnitId, string UnitCode, string UnitName, string Pillar,
    string Status, string Category, DateTimeOffset DueAt, DateTimeOffset OriginalDueAt, DateTimeOffset? CompletedAt, Guid? ParentTaskId);
