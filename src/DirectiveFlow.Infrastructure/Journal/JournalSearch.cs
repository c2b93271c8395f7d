namespace DirectiveFlow.Infrastructure.Journal;

/// <summary>
/// The filters of the admin journal screen; blank means "any". <see cref="Directive"/> matches a directive's number
/// or title, <see cref="Unit"/> a unit's code or name (the task's unit, or the issuing unit of a directive's own
/// entries), <see cref="Person"/> a user name or a person's full name; the dates are Hà Nội days, both included.
/// </summary>
public sealed record JournalSearch(string? Directive = null, string? Unit = null, string? Person = null, DateOnly? From = null, DateOnly? To = null);
