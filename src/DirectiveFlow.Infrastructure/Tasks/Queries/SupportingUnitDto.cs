namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>A supporting unit named on a task, with its contribution once given.</summary>
public sealed record SupportingUnitDto(Guid UnitId, string UnitCode, string UnitName, string? Contribution, DateTimeOffset? ContributedAt, string? ContributedBy);
