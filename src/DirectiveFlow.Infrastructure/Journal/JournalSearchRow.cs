namespace DirectiveFlow.Infrastructure.Journal;

/// <summary>
/// One journal entry as the admin journal screen shows it, with its directive, its task's unit and, when the actor is
/// a known account, the person as <c>PersonNames</c> words them (name, position, unit).
/// </summary>
public sealed record JournalSearchRow(
    long Id,
    DateTimeOffset At,
    string Actor,
    string? ActorName,
    string Action,
    string? Detail,
    Guid DirectiveId,
    string DirectiveNumber,
    string DirectiveTitle,
    Guid? TaskId,
    string? UnitName);
