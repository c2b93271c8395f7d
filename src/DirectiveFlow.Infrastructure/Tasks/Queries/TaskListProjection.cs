using System.Linq.Expressions;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// Pages a filtered task query sorted by deadline: the page of tasks is chosen first (sorted and cut in a subquery on
/// the tasks alone), and only its rows are joined to their unit, directive and assigned officer names, in the same SQL.
/// </summary>
public static class TaskListProjection
{
    public static Task<(List<TaskListItemDto> Items, int Total)> PageAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, TaskClock clock, int skip, int take, CancellationToken cancellationToken) =>
        PageAsync(db, tasks, clock, skip, take, null, cancellationToken);

    /// <summary>As above, with the total already known (<paramref name="knownTotal"/>, e.g. from the inbox's counts): no count query then.</summary>
    public static async Task<(List<TaskListItemDto> Items, int Total)> PageAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, TaskClock clock, int skip, int take, int? knownTotal, CancellationToken cancellationToken)
    {
        // The page and, when needed, its count on one connection (a no-op when the caller opened it already).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var page = tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip(skip).Take(take);
            var rows = await WithNames(db, page).AsNoTracking().ToListAsync(cancellationToken);
            // A page that is not full and not past the end tells the total by itself; only then is the count query saved.
            var total = knownTotal ?? (rows.Count < take && (rows.Count > 0 || skip == 0) ? skip + rows.Count : await tasks.CountAsync(cancellationToken));
            return (Items(rows, clock), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A task with its lead unit, directive and assigned officer (the last two may be missing); set by member, so queries can read through it.</summary>
    public sealed class TaskListJoin
    {
        public required UnitTask Task { get; init; }

        public required OrgUnit Unit { get; init; }

        public Core.Directives.Directive? Directive { get; init; }

        public AppUser? Assignee { get; init; }
    }

    /// <summary>The columns a list row reads, the same for every query that pages tasks.</summary>
    public static readonly Expression<Func<TaskListJoin, TaskListRow>> Row = j => new TaskListRow(
        j.Task.Id, j.Task.DirectiveId, j.Directive == null ? null : j.Directive.Number, j.Directive == null ? null : j.Directive.Title,
        j.Task.Title, j.Task.UnitId, j.Unit.Code, j.Unit.Name, j.Task.AssignerUnitId, j.Task.Status, j.Task.DueAt, j.Task.OriginalDueAt,
        j.Task.CompletedAt, j.Task.ReportedAt, j.Task.ProgressPercent, j.Task.AssignedUserId,
        j.Assignee == null ? null : j.Assignee.FullName, j.Assignee == null ? null : j.Assignee.Position);

    /// <summary>
    /// Tasks joined to their lead unit, directive and assigned officer, sorted by deadline, as list rows:
    /// the one join every task list reads through (<see cref="DefaultInbox"/>'s compiled queries inline it, see <see cref="InlineNames"/>).
    /// </summary>
    internal static readonly Expression<Func<DirectiveFlowDbContext, IQueryable<UnitTask>, IQueryable<TaskListRow>>> Names = (db, tasks) => (
            from t in tasks
            join u in db.Units on t.UnitId equals u.Id
            join d in db.Directives on t.DirectiveId equals d.Id into directives
            from d in directives.DefaultIfEmpty()
            join a in db.Users on t.AssignedUserId equals a.Id into assignees
            from a in assignees.DefaultIfEmpty()
            orderby t.DueAt, t.Id
            select new TaskListJoin { Task = t, Unit = u, Directive = d, Assignee = a })
        .Select(Row);

    private static readonly Func<DirectiveFlowDbContext, IQueryable<UnitTask>, IQueryable<TaskListRow>> NamesQuery = Names.Compile();

    /// <summary><see cref="Names"/> applied: in a built query it composes the join; in an expression, <see cref="InlineNames"/> puts its body in its place.</summary>
    internal static IQueryable<TaskListRow> WithNames(DirectiveFlowDbContext db, IQueryable<UnitTask> tasks) => NamesQuery(db, tasks);

    /// <summary>Replaces each call of <see cref="WithNames"/> in a query expression by the body of <see cref="Names"/> (a compiled query must be one expression).</summary>
    internal sealed class InlineNames : ExpressionVisitor
    {
        public static Expression<Func<DirectiveFlowDbContext, TUnits, int, int, IQueryable<TaskListRow>>> In<TUnits>(
            Expression<Func<DirectiveFlowDbContext, TUnits, int, int, IQueryable<TaskListRow>>> query) =>
            (Expression<Func<DirectiveFlowDbContext, TUnits, int, int, IQueryable<TaskListRow>>>)new InlineNames().Visit(query);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(TaskListProjection) || node.Method.Name != nameof(WithNames))
            {
                return base.VisitMethodCall(node);
            }

            var db = Visit(node.Arguments[0]);
            var tasks = Visit(node.Arguments[1]);
            return new Bind(Names.Parameters[0], db, Names.Parameters[1], tasks).Visit(Names.Body);
        }

        private sealed class Bind(ParameterExpression db, Expression dbValue, ParameterExpression tasks, Expression tasksValue) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) =>
                node == db ? dbValue : node == tasks ? tasksValue : base.VisitParameter(node);
        }
    }

    /// <summary>The rows as the list shows them, with what is derived at read time (category, due soon, working days left).</summary>
    public static List<TaskListItemDto> Items(IReadOnlyCollection<TaskListRow> rows, TaskClock clock)
    {
        var workingDaysLeft = clock.WorkingDaysLeftFor(rows.Select(r => r.DueAt).ToList());
        return rows.Select(r => new TaskListItemDto(
                r.Id, r.DirectiveId, r.DirectiveNumber, r.DirectiveTitle, r.Title, r.UnitId, r.UnitCode, r.UnitName, r.AssignerUnitId,
                r.Status.ToString(), clock.CategoryOf(r.Status, r.DueAt, r.CompletedAt), clock.IsDueSoon(r.Status, r.DueAt),
                workingDaysLeft(r.DueAt), r.DueAt, r.OriginalDueAt, r.CompletedAt, r.ReportedAt, r.ProgressPercent)
            {
                AssignedTo = r.AssignedUserId is { } assigneeId ? new AssigneeDto(assigneeId, r.AssigneeName ?? "", r.AssigneePosition ?? "") : null,
            })
            .ToList();
    }
}

/// <summary>One list row as read from the database.</summary>
public sealed record TaskListRow(
    Guid Id, Guid DirectiveId, string? DirectiveNumber, string? DirectiveTitle, string Title, Guid UnitId, string UnitCode, string UnitName,
    Guid AssignerUnitId, UnitTaskStatus Status, DateTimeOffset DueAt, DateTimeOffset OriginalDueAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? ReportedAt, int ProgressPercent, Guid? AssignedUserId, string? AssigneeName, string? AssigneePosition);
