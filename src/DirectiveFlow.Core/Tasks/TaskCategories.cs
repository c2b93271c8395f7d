namespace DirectiveFlow.Core.Tasks;

/// <summary>Derives the government reporting category from state and dates.</summary>
public static class TaskCategories
{
    public static TaskCategory Of(UnitTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? completedAt, DateTimeOffset now)
    {
        if (status == UnitTaskStatus.Completed && completedAt is { } done)
        {
            return done <= dueAt ? TaskCategory.CompletedOnTime : TaskCategory.CompletedLate;
        }

        return now <= dueAt ? TaskCategory.OpenWithinDeadline : TaskCategory.OpenOverdue;
    }
}
