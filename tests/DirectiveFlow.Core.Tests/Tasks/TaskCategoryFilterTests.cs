using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Core.Tests.Tasks;

public sealed class TaskCategoryFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);

    public static IEnumerable<TheoryDataRow<UnitTaskStatus, int, int?>> Cases()
    {
        foreach (var status in Enum.GetValues<UnitTaskStatus>())
        {
            foreach (var dueOffsetHours in new[] { -48, -1, 0, 1, 48 })
            {
                foreach (int? completedOffset in new int?[] { null, -2, 0, 2 })
                {
                    yield return new(status, dueOffsetHours, completedOffset);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_query_predicates_match_the_in_memory_category(UnitTaskStatus status, int dueOffsetHours, int? completedOffsetHours)
    {
        var due = Now.AddHours(dueOffsetHours);
        var task = new UnitTask
        {
            ActivityId = "a",
            Title = "t",
            Status = status,
            DueAt = due,
            CompletedAt = completedOffsetHours is { } c ? due.AddHours(c) : null,
        };

        var matching = Enum.GetValues<TaskCategory>().Where(c => TaskCategoryFilter.For(c, Now).Compile()(task)).ToArray();

        if (status == UnitTaskStatus.Cancelled || (status == UnitTaskStatus.Completed && task.CompletedAt is null))
        {
            Assert.Empty(matching);
        }
        else
        {
            Assert.Equal([task.CategoryAt(Now)], matching);
        }
    }

    [Fact]
    public void Due_soon_takes_open_tasks_between_now_and_the_limit_only()
    {
        var limit = Now.AddDays(2);
        bool Soon(UnitTaskStatus s, DateTimeOffset due) =>
            TaskCategoryFilter.DueSoon(Now, limit).Compile()(new UnitTask { ActivityId = "a", Title = "t", Status = s, DueAt = due });

        Assert.True(Soon(UnitTaskStatus.InProgress, Now.AddDays(1)));
        Assert.True(Soon(UnitTaskStatus.Assigned, limit));
        Assert.False(Soon(UnitTaskStatus.InProgress, limit.AddMinutes(1)));
        Assert.False(Soon(UnitTaskStatus.InProgress, Now.AddMinutes(-1)));
        Assert.False(Soon(UnitTaskStatus.Completed, Now.AddDays(1)));
    }
}
