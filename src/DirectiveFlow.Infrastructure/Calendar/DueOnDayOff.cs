namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>A day that became a day off, and how many open tasks fall due on it (local date).</summary>
public sealed record DueOnDayOff(DateOnly Date, int OpenTasks);
