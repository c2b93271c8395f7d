using System.Linq.Expressions;
using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// The one definition of the government reporting categories and the flags beside them, derived from state and dates
/// at a given instant (never stored). Each is written twice, side by side: as a query rule that EF turns into SQL, and
/// as its in-memory twin (the public methods); a test holds the two equal on every state. The twins are also markers:
/// <see cref="TaskCategoryQueries.Expand{T}"/> replaces a call such as <c>t.Is(TaskCategory.OpenOverdue, time)</c>
/// inside a query by the rule, so grouped counts are written with the very same definitions.
/// <list type="bullet">
/// <item>Cancelled tasks are in no category; every other task is in exactly one.</item>
/// <item>Completed on time: Completed, and submitted (CompletedAt) no later than DueAt.</item>
/// <item>Completed late: Completed otherwise (after DueAt, or with no completion time on record).</item>
/// <item>Open within deadline / open overdue: not Completed nor Cancelled, DueAt not before / before now.</item>
/// <item>Due soon: open within deadline and due by <see cref="CategoryTime.DueSoonLimit"/>.</item>
/// <item>Not acknowledged: still Assigned — the lead unit has not confirmed receipt (open by definition).</item>
/// <item>Overdue at an instant (the trend's "overdue at week's end"): created by then, due before then, not completed
/// by then (not cancelled either: when a task was cancelled is not recorded); at now the same as open overdue.</item>
/// </list>
/// </summary>
public static class TaskCategories
{
    private static readonly Expression<Func<UnitTask, bool>> CountedRule = t => t.Status != UnitTaskStatus.Cancelled;

    private static readonly Expression<Func<UnitTask, CategoryTime, bool>> OnTimeRule = (t, time) =>
        t.Status == UnitTaskStatus.Completed && t.CompletedAt != null && t.CompletedAt <= t.DueAt;

    private static readonly Expression<Func<UnitTask, CategoryTime, bool>> LateRule = (t, time) =>
        t.Status == UnitTaskStatus.Completed && (t.CompletedAt == null || t.CompletedAt > t.DueAt);

    private static readonly Expression<Func<UnitTask, CategoryTime, bool>> WithinRule = (t, time) =>
        t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt >= time.Now;

    private static readonly Expression<Func<UnitTask, CategoryTime, bool>> OverdueRule = (t, time) =>
        t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt < time.Now;

    private static readonly Expression<Func<UnitTask, CategoryTime, bool>> DueSoonRule = (t, time) =>
        t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt >= time.Now && t.DueAt <= time.DueSoonLimit;

    private static readonly Expression<Func<UnitTask, bool>> NotAcknowledgedRule = t => t.Status == UnitTaskStatus.Assigned;

    private static readonly Expression<Func<UnitTask, DateTimeOffset, bool>> OverdueAtRule = (t, at) =>
        t.Status != UnitTaskStatus.Cancelled && t.CreatedAt <= at && t.DueAt < at
        && !(t.Status == UnitTaskStatus.Completed && (t.CompletedAt == null || t.CompletedAt <= at));

    /// <summary>The category of a task in that state at <paramref name="now"/>; null for a cancelled task.</summary>
    public static TaskCategory? Of(UnitTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? completedAt, DateTimeOffset now) => status switch
    {
        UnitTaskStatus.Cancelled => null,
        UnitTaskStatus.Completed => completedAt is { } done && done <= dueAt ? TaskCategory.CompletedOnTime : TaskCategory.CompletedLate,
        _ => dueAt >= now ? TaskCategory.OpenWithinDeadline : TaskCategory.OpenOverdue,
    };

    /// <summary>Whether <paramref name="task"/> is in <paramref name="category"/> at <paramref name="time"/>.</summary>
    public static bool Is(this UnitTask task, TaskCategory category, CategoryTime time) =>
        Of(task.Status, task.DueAt, task.CompletedAt, time.Now) == category;

    /// <summary>Whether the task is in a category at all (not cancelled).</summary>
    public static bool IsCounted(this UnitTask task) => task.Status != UnitTaskStatus.Cancelled;

    public static bool IsDueSoon(UnitTaskStatus status, DateTimeOffset dueAt, CategoryTime time) =>
        Of(status, dueAt, null, time.Now) == TaskCategory.OpenWithinDeadline && dueAt <= time.DueSoonLimit;

    public static bool IsDueSoon(this UnitTask task, CategoryTime time) => IsDueSoon(task.Status, task.DueAt, time);

    public static bool IsNotAcknowledged(this UnitTask task) => task.Status == UnitTaskStatus.Assigned;

    /// <summary>Whether the task was open and past its deadline at <paramref name="at"/>.</summary>
    public static bool WasOverdueAt(this UnitTask task, DateTimeOffset at) =>
        task.Status != UnitTaskStatus.Cancelled && task.CreatedAt <= at && task.DueAt < at
        && !(task.Status == UnitTaskStatus.Completed && (task.CompletedAt is not { } done || done <= at));

    /// <summary>
    /// Working days past the deadline at <paramref name="now"/>: 0 while not past it, at least 1 once past it (even
    /// before the next working day has begun). The escalation emails and the reports count lateness this way.
    /// </summary>
    public static int WorkingDaysLate(IWorkingDayCalendar calendar, DateTimeOffset dueAt, DateTimeOffset now) =>
        now > dueAt ? Math.Max(1, -calendar.WorkingDaysBetween(now, dueAt)) : 0;

    /// <summary>
    /// The on-time rate, the one definition every report and page shows: completed on time ÷ tasks whose deadline is
    /// decided (completed, or open past it), rounded to four places; null while none is decided.
    /// </summary>
    public static double? OnTimeRate(int completedOnTime, int completedLate, int openOverdue)
    {
        var decided = completedOnTime + completedLate + openOverdue;
        return decided == 0 ? null : Math.Round((double)completedOnTime / decided, 4);
    }

    /// <summary>The rule of <paramref name="category"/> as a query predicate (a SQL parameter for the time, never a constant).</summary>
    public static Expression<Func<UnitTask, bool>> Where(TaskCategory category, CategoryTime time) =>
        TaskCategoryQueries.Expand<Func<UnitTask, bool>>(t => t.Is(category, time));

    /// <summary>The due-soon rule as a query predicate.</summary>
    public static Expression<Func<UnitTask, bool>> DueSoon(CategoryTime time) =>
        TaskCategoryQueries.Expand<Func<UnitTask, bool>>(t => t.IsDueSoon(time));

    /// <summary>The query rule a marker method stands for (its parameters: the task, then the marker's other arguments), or null.</summary>
    internal static LambdaExpression? RuleOf(string marker, TaskCategory? category) => marker switch
    {
        nameof(Is) => category switch
        {
            TaskCategory.CompletedOnTime => OnTimeRule,
            TaskCategory.CompletedLate => LateRule,
            TaskCategory.OpenWithinDeadline => WithinRule,
            TaskCategory.OpenOverdue => OverdueRule,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
        },
        nameof(IsCounted) => CountedRule,
        nameof(IsDueSoon) => DueSoonRule,
        nameof(IsNotAcknowledged) => NotAcknowledgedRule,
        nameof(WasOverdueAt) => OverdueAtRule,
        _ => null,
    };
}
