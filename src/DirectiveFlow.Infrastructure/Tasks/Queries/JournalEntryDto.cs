namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One line of a task's history.</summary>
public sealed record JournalEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string? Detail)
{
    /// <summary>The person who acted (<see cref="Identity.PersonNames"/>); null for the system.</summary>
    public string? ActorName { get; init; }

    /// <summary>For an email about the task, how it fared (<see cref="Detail"/> is then null); null for a journal entry.</summary>
    public EmailDelivery? Delivery { get; init; }
}
