namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>A supporting unit named on a task, with its contribution once given.</summary>
public sealed record SupportingUnitDto(Guid UnitId, string UnitCode, string UnitName, string? Contribution, DateTimeOffset? ContributedAt, string? ContributedBy)
{
    /// <summary>The person who wrote the contribution, as <see cref="Identity.PersonNames"/> names them; null before one is written.</summary>
    public string? ContributedByName { get; init; }
}
