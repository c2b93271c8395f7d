namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>One journal row as the API shows it.</summary>
public sealed record JournalEntryItem(long Id, DateTimeOffset At, string Actor, string Action, string? Detail, Guid? TaskId, string? ActivityId)
{
    /// <summary>The person who acted (<see cref="Identity.PersonNames"/>); null for the system.</summary>
    public string? ActorName { get; init; }
}
