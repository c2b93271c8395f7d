using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>"Now" for one request and what is derived from it: the due-soon limit, working days left, categories.</summary>
public sealed class TaskClock(TimeProvider time, IWorkingDayCalendar calendar)
{
    /// <summary>"Due soon" means at most this many working days left.</summary>
    public const int DueSoonWorkingDays = 2;

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public IWorkingDayCalendar Calendar => calendar;

    /// <summary>The latest deadline that still counts as due soon: the end of the working day two working days from now.</summary>
    public DateTimeOffset DueSoonLimit => calendar.AddWorkingDays(Now, DueSoonWorkingDays);

    public int WorkingDaysLeft(DateTimeOffset dueAt) => calendar.WorkingDaysBetween(Now, dueAt);

    /// <summary>The government category, or null for a cancelled task (it counts in none).</summary>
    public string? CategoryOf(UnitTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? completedAt) =>
        status == UnitTaskStatus.Cancelled ? null : TaskCategories.Of(status, dueAt, completedAt, Now).ToString();

    public bool IsDueSoon(UnitTaskStatus status, DateTimeOffset dueAt) =>
        TaskStateMachine.IsOpen(status) && dueAt >= Now && dueAt <= DueSoonLimit;
}
