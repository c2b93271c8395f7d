using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Takes a person off the open tasks of units she no longer serves, journaled as the head's own
/// <c>task.officer.unassigned</c>. A deactivated or moved officer stayed named on them: nobody could act on the task
/// under her name, reminders to her stopped, and the unit's head saw it as handled. The caller saves, in its
/// transaction.
/// </summary>
public static class OpenTaskAssignments
{
    /// <param name="keptUnitId">The unit she still serves (its tasks stay hers); null takes her off every open task.</param>
    public static async Task ReleaseAsync(
        DirectiveFlowDbContext db, Guid userId, Guid? keptUnitId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = await Open(db, userId).Where(t => keptUnitId == null || t.UnitId != keptUnitId).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.AssignedUserId = null;
            task.ConcurrencyStamp++;
            db.Journal.Add(new JournalEntry
            {
                DirectiveId = task.DirectiveId, InstanceId = task.InstanceId, TaskId = task.Id, ActivityId = task.ActivityId,
                At = now, Actor = actor, Action = "task.officer.unassigned",
            });
        }
    }

    /// <summary>How many open tasks name her: what deactivating her takes her off (the page asks before).</summary>
    public static Task<int> CountAsync(DirectiveFlowDbContext db, Guid userId, CancellationToken cancellationToken) =>
        Open(db, userId).CountAsync(cancellationToken);

    private static IQueryable<Core.Tasks.UnitTask> Open(DirectiveFlowDbContext db, Guid userId) =>
        db.Tasks.Where(t => t.AssignedUserId == userId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled);
}
