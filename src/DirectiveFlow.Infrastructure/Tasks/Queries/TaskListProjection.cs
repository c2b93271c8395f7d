using System.Linq.Expressions;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// Pages a filtered task query sorted by deadline: the page of tasks alone, then the names of its units, directives and
/// assigned officers by key (<see cref="TaskListNames"/>), so the sort and the limit run on the tasks only.
/// </summary>
public static class TaskListProjection
{
    public static async Task<(List<TaskListItemDto> Items, int Total)> PageAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, TaskClock clock, int skip, int take, CancellationToken cancellationToken)
    {
        // The page, its count and its names on one connection (a no-op when the caller opened it already).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadPageAsync(db, tasks, clock, skip, take, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(List<TaskListItemDto> Items, int Total)> ReadPageAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, TaskClock clock, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await tasks
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Select(Row)
            .Skip(skip)
            .Take(take)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        // A page that is not full and not past the end tells the total by itself; only then is the count query saved.
        var total = rows.Count < take && (rows.Count > 0 || skip == 0) ? skip + rows.Count : await tasks.CountAsync(cancellationToken);
        return (await TaskListNames.ItemsAsync(db, rows, clock, cancellationToken), total);
    }

    /// <summary>The task's columns a list row reads, the same for every query that pages tasks.</summary>
    public static readonly Expression<Func<UnitTask, TaskListRow>> Row = t => new TaskListRow(
        t.Id, t.DirectiveId, t.Title, t.UnitId, t.AssignerUnitId, t.Status, t.DueAt, t.OriginalDueAt,
        t.CompletedAt, t.ReportedAt, t.ProgressPercent, t.AssignedUserId);

    /// <summary>
    /// The rows as the list shows them, with their names and what is derived at read time (category, due soon, working
    /// days left). A directive or officer not found leaves its names empty, as the left joins this replaced did.
    /// </summary>
    internal static List<TaskListItemDto> Items(IEnumerable<TaskListRow> rows, Names names, TaskClock clock) => rows.Select(r =>
        {
            var unit = names.Units.GetValueOrDefault(r.UnitId);
            var directive = names.Directives.GetValueOrDefault(r.DirectiveId);
            return new TaskListItemDto(
                r.Id, r.DirectiveId, directive?.First, directive?.Second, r.Title, r.UnitId, unit?.First ?? "", unit?.Second ?? "", r.AssignerUnitId,
                r.Status.ToString(), clock.CategoryOf(r.Status, r.DueAt, r.CompletedAt), clock.IsDueSoon(r.Status, r.DueAt),
                clock.WorkingDaysLeft(r.DueAt), r.DueAt, r.OriginalDueAt, r.CompletedAt, r.ReportedAt, r.ProgressPercent)
            {
                AssignedTo = r.AssignedUserId is { } assigneeId
                    ? new AssigneeDto(assigneeId, names.Users.GetValueOrDefault(assigneeId)?.First ?? "", names.Users.GetValueOrDefault(assigneeId)?.Second ?? "")
                    : null,
            };
        })
        .ToList();
}

/// <summary>One list row's task columns as read from the database (its names are read after the page).</summary>
public sealed record TaskListRow(
    Guid Id, Guid DirectiveId, string Title, Guid UnitId, Guid AssignerUnitId, UnitTaskStatus Status, DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt, DateTimeOffset? CompletedAt, DateTimeOffset? ReportedAt, int ProgressPercent, Guid? AssignedUserId);
