using System.Linq.Expressions;
using DirectiveFlow.Core.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>How many of the tasks a filter selects fall in each government category (the inbox's counters).</summary>
public sealed record TaskCounts(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int DueSoon, int OpenOverdue)
{
    public static readonly TaskCounts None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The category counts of the tasks <see cref="Filter"/> selects (its page is ignored), in one aggregate query whose
/// conditions are the very predicates the list filters with (<see cref="TaskCategoryFilter"/>).
/// </summary>
public sealed record CountTasksQuery(TaskListFilter Filter) : IQuery<TaskCounts>;

public sealed class CountTasksHandler(TaskListSource source, TaskClock clock) : IQueryHandler<CountTasksQuery, TaskCounts>
{
    public async ValueTask<TaskCounts> Handle(CountTasksQuery query, CancellationToken cancellationToken) =>
        await source.ReadAsync(query.Filter,
            tasks => tasks.GroupBy(_ => 1).Select(Aggregate(clock.Now, clock.DueSoonLimit)).FirstOrDefaultAsync(cancellationToken),
            cancellationToken) ?? TaskCounts.None;

    /// <summary>
    /// g => new TaskCounts(g.Count(), g.Count(onTime), g.Count(late), g.Count(within), g.Count(dueSoon), g.Count(overdue)),
    /// built from the category predicates so there is one definition of each category; EF turns each conditional count
    /// into COUNT(CASE WHEN … END) over one scan of the caller's rows.
    /// </summary>
    private static Expression<Func<IGrouping<int, UnitTask>, TaskCounts>> Aggregate(DateTimeOffset now, DateTimeOffset dueSoonLimit)
    {
        var group = Expression.Parameter(typeof(IGrouping<int, UnitTask>), "g");
        Expression Count(Expression<Func<UnitTask, bool>>? predicate) => predicate is null
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(UnitTask)], group)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(UnitTask)], group, predicate);
        var constructor = typeof(TaskCounts).GetConstructor([typeof(int), typeof(int), typeof(int), typeof(int), typeof(int), typeof(int)])!;
        var body = Expression.New(constructor,
            Count(null),
            Count(TaskCategoryFilter.For(TaskCategory.CompletedOnTime, now)),
            Count(TaskCategoryFilter.For(TaskCategory.CompletedLate, now)),
            Count(TaskCategoryFilter.For(TaskCategory.OpenWithinDeadline, now)),
            Count(TaskCategoryFilter.DueSoon(now, dueSoonLimit)),
            Count(TaskCategoryFilter.For(TaskCategory.OpenOverdue, now)));
        return Expression.Lambda<Func<IGrouping<int, UnitTask>, TaskCounts>>(body, group);
    }
}
