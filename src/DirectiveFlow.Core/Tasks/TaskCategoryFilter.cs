using System.Linq.Expressions;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// The government categories of <see cref="TaskCategories"/> as query predicates, so lists and counts filter in SQL
/// by comparing DueAt/CompletedAt with "now" (never a stored flag). Each predicate matches exactly the tasks for
/// which <see cref="TaskCategories.Of"/> returns that category; cancelled tasks belong to no category.
/// </summary>
public static class TaskCategoryFilter
{
    public static Expression<Func<UnitTask, bool>> For(TaskCategory category, DateTimeOffset now) => category switch
    {
        TaskCategory.CompletedOnTime => t => t.Status == UnitTaskStatus.Completed && t.CompletedAt != null && t.CompletedAt <= t.DueAt,
        TaskCategory.CompletedLate => t => t.Status == UnitTaskStatus.Completed && t.CompletedAt != null && t.CompletedAt > t.DueAt,
        TaskCategory.OpenWithinDeadline => t => t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt >= now,
        TaskCategory.OpenOverdue => t => t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt < now,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>
    /// Open, within the deadline and due by <paramref name="dueSoonLimit"/> — the end of the working day two working
    /// days from now (<c>calendar.AddWorkingDays(now, 2)</c>), i.e. at most two working days left.
    /// </summary>
    public static Expression<Func<UnitTask, bool>> DueSoon(DateTimeOffset now, DateTimeOffset dueSoonLimit) =>
        t => t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled && t.DueAt >= now && t.DueAt <= dueSoonLimit;

    /// <summary>The in-memory twin of <see cref="DueSoon"/> for one task.</summary>
    public static bool IsDueSoon(UnitTask task, DateTimeOffset now, DateTimeOffset dueSoonLimit) =>
        TaskStateMachine.IsOpen(task.Status) && task.DueAt >= now && task.DueAt <= dueSoonLimit;
}
