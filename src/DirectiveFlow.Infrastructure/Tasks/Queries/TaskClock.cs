using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>"Now" for one request and what is derived from it: the due-soon limit, working days left, categories.</summary>
public sealed class TaskClock(TimeProvider time, IWorkingDayCalendar calendar)
{
    public DateTimeOffset Now => Time.Now;

    /// <summary>The instant the categories of this request are taken at (<see cref="TaskCategories"/>).</summary>
    public CategoryTime Time { get; } = CategoryTime.At(time.GetUtcNow(), calendar);

    public IWorkingDayCalendar Calendar => calendar;

    /// <summary>The latest deadline that still counts as due soon: the end of the working day two working days from now.</summary>
    public DateTimeOffset DueSoonLimit => Time.DueSoonLimit;

    public int WorkingDaysLeft(DateTimeOffset dueAt) => calendar.WorkingDaysBetween(Now, dueAt);

    /// <summary>The government category, or null for a cancelled task (it counts in none).</summary>
    public string? CategoryOf(UnitTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? completedAt) =>
        TaskCategories.Of(status, dueAt, completedAt, Now)?.ToString();

    public bool IsDueSoon(UnitTaskStatus status, DateTimeOffset dueAt) => TaskCategories.IsDueSoon(status, dueAt, Time);
}
