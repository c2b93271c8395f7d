using System.Linq.Expressions;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Core.Tests.Tasks;

/// <summary>The query rules of <see cref="TaskCategories"/> (what SQL counts) agree with their in-memory twins on every state.</summary>
public sealed class TaskCategoriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);

    private static readonly CategoryTime Time = new(Now, Now.AddDays(2));

    public static IEnumerable<TheoryDataRow<UnitTaskStatus, int, int?>> Cases()
    {
        foreach (var status in Enum.GetValues<UnitTaskStatus>())
        {
            foreach (var dueOffsetHours in new[] { -48, -1, 0, 1, 48, 49 })
            {
                foreach (int? completedOffset in new int?[] { null, -2, 0, 2 })
                {
                    yield return new(status, dueOffsetHours, completedOffset);
                }
            }
        }
    }

    private static UnitTask Task(UnitTaskStatus status, int dueOffsetHours, int? completedOffsetHours)
    {
        var due = Now.AddHours(dueOffsetHours);
        return new UnitTask
        {
            ActivityId = "a", Title = "t", Status = status, DueAt = due, CreatedAt = Now.AddDays(-10),
            CompletedAt = completedOffsetHours is { } c ? due.AddHours(c) : null,
        };
    }

    /// <summary>Compiles a query rule after checking that no marker is left in it (so the rule, not the twin, runs).</summary>
    private static Func<UnitTask, bool> Rule(Expression<Func<UnitTask, bool>> marker)
    {
        var expanded = TaskCategoryQueries.Expand(marker);
        Assert.False(MarkerFinder.Finds(expanded));
        return expanded.Compile();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_task_but_a_cancelled_one_is_in_exactly_the_category_its_twin_names(UnitTaskStatus status, int dueOffsetHours, int? completedOffsetHours)
    {
        var task = Task(status, dueOffsetHours, completedOffsetHours);

        var matching = Enum.GetValues<TaskCategory>().Where(c => TaskCategories.Where(c, Time).Compile()(task)).ToArray();

        Assert.Equal(status == UnitTaskStatus.Cancelled ? [] : new[] { task.CategoryAt(Now)!.Value }, matching);
        Assert.Equal(status != UnitTaskStatus.Cancelled, Rule(t => t.IsCounted())(task));
        Assert.Equal(task.IsDueSoon(Time), TaskCategories.DueSoon(Time).Compile()(task));
        Assert.Equal(task.IsNotAcknowledged(), Rule(t => t.IsNotAcknowledged())(task));
        if (task.CompletedAt is not { } done || done <= Now)
        {
            // Overdue "at an instant" taken at now is open overdue (for a completion on record, which is never in the future).
            Assert.Equal(task.Is(TaskCategory.OpenOverdue, Time), Rule(t => t.WasOverdueAt(Now))(task));
        }

        foreach (var at in new[] { Now.AddDays(-3), Now.AddHours(-1), Now.AddHours(1), Now.AddDays(3) })
        {
            Assert.Equal(task.WasOverdueAt(at), Rule(t => t.WasOverdueAt(at))(task));
        }
    }

    [Fact]
    public void Due_soon_takes_open_tasks_between_now_and_the_limit_only()
    {
        bool Soon(UnitTaskStatus s, DateTimeOffset due) =>
            TaskCategories.DueSoon(Time).Compile()(new UnitTask { ActivityId = "a", Title = "t", Status = s, DueAt = due });

        Assert.True(Soon(UnitTaskStatus.InProgress, Now.AddDays(1)));
        Assert.True(Soon(UnitTaskStatus.Assigned, Time.DueSoonLimit));
        Assert.False(Soon(UnitTaskStatus.InProgress, Time.DueSoonLimit.AddMinutes(1)));
        Assert.False(Soon(UnitTaskStatus.InProgress, Now.AddMinutes(-1)));
        Assert.False(Soon(UnitTaskStatus.Completed, Now.AddDays(1)));
    }

    [Fact]
    public void The_grouped_counts_equal_counting_each_task_with_the_twins()
    {
        var tasks = Cases().Select(c => Task((UnitTaskStatus)c.Data.Item1, c.Data.Item2, c.Data.Item3)).ToList();
        var aggregate = TaskCategoryQueries.Aggregate<int, (int Key, TaskCategoryCounts Counts)>(Time, (g, c) => ValueTuple.Create(g.Key, c));
        Assert.False(MarkerFinder.Finds(aggregate));

        var counts = tasks.GroupBy(t => (int)t.Status).Select(aggregate.Compile()).Select(r => r.Counts).ToList();

        int Count(Func<UnitTask, bool> p) => tasks.Count(p);
        Assert.Equal(
            new TaskCategoryCounts(
                Count(t => t.IsCounted()), Count(t => t.Is(TaskCategory.CompletedOnTime, Time)), Count(t => t.Is(TaskCategory.CompletedLate, Time)),
                Count(t => t.Is(TaskCategory.OpenWithinDeadline, Time)), Count(t => t.Is(TaskCategory.OpenOverdue, Time)),
                Count(t => t.IsDueSoon(Time)), Count(t => t.IsNotAcknowledged())),
            TaskCategoryCounts.Sum(counts));
        var total = TaskCategoryCounts.Sum(counts);
        Assert.Equal(total.Total, total.CompletedOnTime + total.CompletedLate + total.OpenWithinDeadline + total.OpenOverdue);
    }

    [Fact]
    public void Lateness_is_counted_in_working_days_and_is_at_least_one_once_past_the_deadline()
    {
        var calendar = new DirectiveFlow.Core.Calendar.WorkingDayCalendar([]);
        var due = new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero); // a Friday

        Assert.Equal(0, TaskCategories.WorkingDaysLate(calendar, due, due));
        Assert.Equal(1, TaskCategories.WorkingDaysLate(calendar, due, due.AddHours(1)));
        Assert.Equal(1, TaskCategories.WorkingDaysLate(calendar, due, due.AddDays(3)));
        Assert.Equal(2, TaskCategories.WorkingDaysLate(calendar, due, due.AddDays(4)));
    }

    private sealed class MarkerFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool Finds(Expression expression)
        {
            var finder = new MarkerFinder();
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            _found |= node.Method.DeclaringType == typeof(TaskCategories);
            return base.VisitMethodCall(node);
        }
    }
}
