namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>An extension request as the task page shows it.</summary>
public sealed record ExtensionRequestDto(
    Guid Id,
    Guid TaskId,
    string Status,
    int? AdditionalWorkingDays,
    DateTimeOffset RequestedDueAt,
    DateTimeOffset PreviousDueAt,
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
