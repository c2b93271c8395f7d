namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>An extension request in the assigner's queue, with the task and unit it concerns.</summary>
public sealed record ExtensionRequestItemDto(
    Guid Id,
    Guid TaskId,
    string TaskTitle,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    string Status,
    int? AdditionalWorkingDays,
    DateTimeOffset RequestedDueAt,
    DateTimeOffset PreviousDueAt,
    DateTimeOffset OriginalDueAt,
    string Reason,
    DateTimeOffset RequestedAt,
    string RequestedBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionComment)
{
    /// <summary>The person who asked (<see cref="Identity.PersonNames"/>).</summary>
    public string? RequestedByName { get; init; }

    /// <summary>The person who decided, once decided.</summary>
    public string? DecidedByName { get; init; }
}
