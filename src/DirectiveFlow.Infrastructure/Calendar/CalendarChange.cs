namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// A year's exceptions after an edit, and what the edit did to the open tasks: <see cref="DueOnNewDaysOff"/>, per day
/// that stopped being a working day, how many open tasks fall due on it (their deadlines are not moved); and
/// <see cref="ReplannedTasks"/>, the open tasks handed back to the due-work sweep to plan their reminders and
/// escalations on the new calendar.
/// </summary>
public sealed record CalendarChange(int Year, IReadOnlyList<CalendarYearDay> Days, IReadOnlyList<DueOnDayOff> DueOnNewDaysOff, int ReplannedTasks)
{
    public int TasksDueOnNewDaysOff => DueOnNewDaysOff.Sum(d => d.OpenTasks);
}
