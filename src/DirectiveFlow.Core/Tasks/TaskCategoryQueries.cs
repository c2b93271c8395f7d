using System.Linq.Expressions;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// Query building on the one definition of <see cref="TaskCategories"/>: inlining its markers, and the grouped
/// count of every category in one pass (EF turns each conditional count into <c>COUNT(CASE WHEN … END)</c>).
/// </summary>
public static class TaskCategoryQueries
{
    /// <summary>Replaces the markers of <see cref="TaskCategories"/> in <paramref name="query"/> by their query rules.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new TaskCategoryExpander().Visit(query);

    /// <summary>
    /// The projection of a group of tasks through <paramref name="shape"/>, whose second parameter stands for the group's
    /// <see cref="TaskCategoryCounts"/> at <paramref name="time"/> (use it whole, e.g. <c>(g, c) => new { g.Key, Counts = c }</c>);
    /// the shape may use the markers too, e.g. <c>g.Where(t => t.Is(TaskCategory.OpenOverdue, time)).Min(t => t.DueAt)</c>.
    /// </summary>
    public static Expression<Func<IGrouping<TKey, UnitTask>, TResult>> Aggregate<TKey, TResult>(
        CategoryTime time, Expression<Func<IGrouping<TKey, UnitTask>, TaskCategoryCounts, TResult>> shape)
    {
        Expression<Func<IGrouping<TKey, UnitTask>, TaskCategoryCounts>> counts = g => new TaskCategoryCounts(
            g.Count(t => t.IsCounted()),
            g.Count(t => t.Is(TaskCategory.CompletedOnTime, time)),
            g.Count(t => t.Is(TaskCategory.CompletedLate, time)),
            g.Count(t => t.Is(TaskCategory.OpenWithinDeadline, time)),
            g.Count(t => t.Is(TaskCategory.OpenOverdue, time)),
            g.Count(t => t.IsDueSoon(time)),
            g.Count(t => t.IsNotAcknowledged()));
        var group = shape.Parameters[0];
        var countsOfGroup = new TaskCategoryExpander.Replacer(counts.Parameters[0], group).Visit(counts.Body)!;
        var body = new TaskCategoryExpander.Replacer(shape.Parameters[1], countsOfGroup).Visit(shape.Body)!;
        return Expand(Expression.Lambda<Func<IGrouping<TKey, UnitTask>, TResult>>(body, group));
    }

    /// <summary>
    /// <c>g => new[] { g.Count(p0), g.Count(p1), … }</c>: many conditional counts of a group in one pass (the markers of
    /// <see cref="TaskCategories"/> may be used in the predicates).
    /// </summary>
    public static Expression<Func<IGrouping<TKey, UnitTask>, int[]>> CountEach<TKey>(IEnumerable<Expression<Func<UnitTask, bool>>> predicates)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, UnitTask>), "g");
        var counts = predicates.Select(p => (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(UnitTask)], group, p));
        return Expand(Expression.Lambda<Func<IGrouping<TKey, UnitTask>, int[]>>(Expression.NewArrayInit(typeof(int), counts), group));
    }
}
