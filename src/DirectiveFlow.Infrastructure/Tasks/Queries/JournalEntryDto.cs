namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One line of a task's history.</summary>
public sealed record JournalEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string? Detail);
