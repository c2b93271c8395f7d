namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// One ISO week of the trend (<see cref="WeekStart"/>: its Monday in Asia/Ho_Chi_Minh): tasks assigned in it, tasks
/// completed in it on time and late (by their completion time), and tasks open and past their deadline at its end
/// (at the time of asking for the current week).
/// </summary>
public sealed record TrendWeek(DateOnly WeekStart, int Opened, int CompletedOnTime, int CompletedLate, int OverdueAtEnd);
