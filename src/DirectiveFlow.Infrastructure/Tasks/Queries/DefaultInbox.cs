using System.Linq.Expressions;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// What an inbox opens with — the caller's units' own tasks, no filter — as compiled queries: the page, its count and
/// the category counts skip EF Core's per-call work of building, comparing and parameterizing the query's expression
/// (the category counts' is the largest). Any other filter goes through <see cref="TaskListSource"/>'s built query;
/// both read the same rows (the same joins, projection and <see cref="TaskCategoryQueries.Aggregate"/>).
/// </summary>
internal static class DefaultInbox
{
    /// <summary>Whether <paramref name="f"/> is the default inbox: own units, no narrowing.</summary>
    public static bool Applies(TaskListFilter f) =>
        f is { Scope: TaskListScope.Mine, AssignedToMe: false, UnitId: null, Category: null, DueSoon: false, DirectiveId: null, DueBefore: null, DueAfter: null }
        && f.Statuses.Count == 0;

    /// <summary>A compiled query is bound to the model it first ran with: one set per model (one in a running product).</summary>
    private static readonly CompiledPerModel<Compiled> PerModel = new(_ => new Compiled());

    /// <summary>The pages read through the list's one join (<see cref="TaskListProjection.Names"/>), inlined into each compiled query.</summary>
    private sealed class Compiled
    {
        /// <summary>
        /// Several units' inbox (a head's, thousands of tasks): the page is chosen on the tasks alone and only its rows are
        /// joined to their names, as <see cref="TaskListProjection"/>.PageAsync does.
        /// </summary>
        public Func<DirectiveFlowDbContext, List<Guid>, int, int, IAsyncEnumerable<TaskListRow>> Page { get; } =
            EF.CompileAsyncQuery(TaskListProjection.InlineNames.In((DirectiveFlowDbContext db, List<Guid> units, int skip, int take) =>
                TaskListProjection.WithNames(db, db.Tasks.Where(t => units.Contains(t.UnitId)).OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip(skip).Take(take))
                    .AsNoTracking()));

        /// <summary>
        /// One unit's inbox (an officer's, tens of tasks): joined, sorted and cut in one step. Measured (bench/README.md,
        /// 2026-12-07): choosing the page first adds a second sort that costs an officer's page 0.1–0.2 ms and saves nothing.
        /// </summary>
        public Func<DirectiveFlowDbContext, Guid, int, int, IAsyncEnumerable<TaskListRow>> OneUnitPage { get; } =
            EF.CompileAsyncQuery(TaskListProjection.InlineNames.In((DirectiveFlowDbContext db, Guid unit, int skip, int take) =>
                TaskListProjection.WithNames(db, db.Tasks.Where(t => t.UnitId == unit)).Skip(skip).Take(take).AsNoTracking()));

        public Func<DirectiveFlowDbContext, List<Guid>, Task<int>> Count { get; } =
            EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> units) => db.Tasks.Count(t => units.Contains(t.UnitId)));

        /// <summary>One unit's count and category counts take the unit as a plain parameter, not a one-item list (less work per call).</summary>
        public Func<DirectiveFlowDbContext, Guid, Task<int>> OneUnitCount { get; } =
            EF.CompileAsyncQuery((DirectiveFlowDbContext db, Guid unit) => db.Tasks.Count(t => t.UnitId == unit));

        public Func<DirectiveFlowDbContext, List<Guid>, DateTimeOffset, DateTimeOffset, Task<ListedCounts?>> Counts { get; } =
            CompileCounts<List<Guid>, int>((db, units) => db.Tasks.Where(t => units.Contains(t.UnitId)).GroupBy(_ => 1));

        /// <summary>Grouped by the unit itself (one group), which the (UnitId, …) index serves without a grouping step of its own.</summary>
        public Func<DirectiveFlowDbContext, Guid, DateTimeOffset, DateTimeOffset, Task<ListedCounts?>> OneUnitCounts { get; } =
            CompileCounts<Guid, Guid>((db, unit) => db.Tasks.Where(t => t.UnitId == unit).GroupBy(t => t.UnitId));
    }

    private static Compiled For(DirectiveFlowDbContext db) => PerModel.For(db);

    /// <summary>
    /// The first page and the total: <paramref name="knownTotal"/> when the caller has it (the inbox page, from its
    /// counts), else counted only when the page is full or past the end, as <see cref="TaskListProjection"/>.PageAsync.
    /// </summary>
    public static async Task<(List<TaskListItemDto> Items, int Total)> PageAsync(
        DirectiveFlowDbContext db, List<Guid> units, TaskClock clock, int skip, int take, int? knownTotal, CancellationToken cancellationToken)
    {
        var rows = new List<TaskListRow>(take);
        var queries = For(db);
        var page = units.Count == 1 ? queries.OneUnitPage(db, units[0], skip, take) : queries.Page(db, units, skip, take);
        await foreach (var row in page.WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        var total = knownTotal ?? (rows.Count < take && (rows.Count > 0 || skip == 0)
            ? skip + rows.Count
            : await (units.Count == 1 ? queries.OneUnitCount(db, units[0]) : queries.Count(db, units)));
        return (TaskListProjection.Items(rows, clock), total);
    }

    /// <summary>The category counts, as <see cref="CountTasksHandler"/> reads them for any filter.</summary>
    public static Task<ListedCounts?> CountsAsync(DirectiveFlowDbContext db, List<Guid> units, CategoryTime time) => units.Count == 1
        ? For(db).OneUnitCounts(db, units[0], time.Now, time.DueSoonLimit)
        : For(db).Counts(db, units, time.Now, time.DueSoonLimit);

    /// <summary>
    /// <c>(db, units, now, dueSoonLimit) => groups(db, units).Select(aggregate).FirstOrDefault()</c> (the groups: one, of the caller's tasks),
    /// where the instant <see cref="TaskCategoryQueries.Aggregate"/> captures as a value becomes the query's two parameters.
    /// </summary>
    private static Func<DirectiveFlowDbContext, TUnits, DateTimeOffset, DateTimeOffset, Task<ListedCounts?>> CompileCounts<TUnits, TKey>(
        Expression<Func<DirectiveFlowDbContext, TUnits, IQueryable<IGrouping<TKey, UnitTask>>>> groups)
    {
        var now = Expression.Parameter(typeof(DateTimeOffset), "now");
        var dueSoonLimit = Expression.Parameter(typeof(DateTimeOffset), "dueSoonLimit");
        var aggregate = TaskCategoryQueries.Aggregate<TKey, ListedCounts>(default, (g, c) => new ListedCounts(g.Count(), c));
        var shape = (LambdaExpression)new CapturedTime(now, dueSoonLimit).Visit(aggregate);
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(IGrouping<TKey, UnitTask>), typeof(ListedCounts)], groups.Body, Expression.Quote(shape));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(ListedCounts)], select);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<DirectiveFlowDbContext, TUnits, DateTimeOffset, DateTimeOffset, ListedCounts?>>(
            first, groups.Parameters[0], groups.Parameters[1], now, dueSoonLimit));
    }

    /// <summary>Replaces the captured <see cref="CategoryTime"/>'s two instants (a closure's field) by the query's parameters.</summary>
    private sealed class CapturedTime(ParameterExpression now, ParameterExpression dueSoonLimit) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is MemberExpression { Expression: ConstantExpression } captured && captured.Type == typeof(CategoryTime))
            {
                return node.Member.Name switch
                {
                    nameof(CategoryTime.Now) => now,
                    nameof(CategoryTime.DueSoonLimit) => dueSoonLimit,
                    _ => throw new InvalidOperationException($"The category rules read CategoryTime.{node.Member.Name}, which the compiled inbox counts do not pass."),
                };
            }

            return node.Type == typeof(CategoryTime) && node.Expression is ConstantExpression
                ? throw new InvalidOperationException("The category rules use the whole CategoryTime, which the compiled inbox counts do not pass.")
                : base.VisitMember(node);
        }
    }
}

/// <summary>How many tasks a filter lists, and how many fall in each category.</summary>
internal sealed record ListedCounts(int Listed, TaskCategoryCounts Counts);
