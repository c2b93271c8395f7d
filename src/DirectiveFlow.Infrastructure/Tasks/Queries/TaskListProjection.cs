using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>Pages a filtered task query sorted by deadline, joining unit, directive and assigned officer names in the same SQL.</summary>
public static class TaskListProjection
{
    public static async Task<(List<TaskListItemDto> Items, int Total)> PageAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, TaskClock clock, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await (
                from t in tasks
                join u in db.Units on t.UnitId equals u.Id
                join d in db.Directives on t.DirectiveId equals d.Id into directives
                from d in directives.DefaultIfEmpty()
                join a in db.Users on t.AssignedUserId equals a.Id into assignees
                from a in assignees.DefaultIfEmpty()
                orderby t.DueAt, t.Id
                select new
                {
                    t.Id, t.DirectiveId, DirectiveNumber = d == null ? null : d.Number, DirectiveTitle = d == null ? null : d.Title,
                    t.Title, t.UnitId, UnitCode = u.Code, UnitName = u.Name, t.AssignerUnitId, t.Status, t.DueAt, t.OriginalDueAt,
                    t.CompletedAt, t.ReportedAt, t.ProgressPercent, t.AssignedUserId,
                    AssigneeName = a == null ? null : a.FullName, AssigneePosition = a == null ? null : a.Position,
                })
            .Skip(skip)
            .Take(take)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        // A page that is not full and not past the end tells the total by itself; only then is the count query saved.
        var total = rows.Count < take && (rows.Count > 0 || skip == 0) ? skip + rows.Count : await tasks.CountAsync(cancellationToken);
        var items = rows.Select(r => new TaskListItemDto(
                r.Id, r.DirectiveId, r.DirectiveNumber, r.DirectiveTitle, r.Title, r.UnitId, r.UnitCode, r.UnitName, r.AssignerUnitId,
                r.Status.ToString(), clock.CategoryOf(r.Status, r.DueAt, r.CompletedAt), clock.IsDueSoon(r.Status, r.DueAt),
                clock.WorkingDaysLeft(r.DueAt), r.DueAt, r.OriginalDueAt, r.CompletedAt, r.ReportedAt, r.ProgressPercent)
            {
                AssignedTo = r.AssignedUserId is { } assigneeId ? new AssigneeDto(assigneeId, r.AssigneeName ?? "", r.AssigneePosition ?? "") : null,
            })
            .ToList();
        return (items, total);
    }
}
