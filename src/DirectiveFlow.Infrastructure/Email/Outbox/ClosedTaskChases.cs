using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The chases (<see cref="ChaseKeys"/>) whose task was completed or cancelled after the sweep queued them: they waited out
/// an SMTP outage, came back as a retried dead letter, or were held for a digest. A unit is not chased about a closed
/// task, so they are not sent but become <see cref="OutboxStatus.Skipped"/>. Other emails about a task (its assignment,
/// its return) are sent whatever.
/// </summary>
public static class ClosedTaskChases
{
    /// <summary>Of the rows one batch claimed, the chases of closed tasks: one query for the batch.</summary>
    public static async Task<List<OutboxMessage>> FindAsync(DirectiveFlowDbContext db, IReadOnlyList<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var chases = claimed.Where(m => m.TaskId is not null && ChaseKeys.IsChase(m.DedupeKey)).ToList();
        if (chases.Count == 0)
        {
            return [];
        }

        var taskIds = chases.Select(m => m.TaskId!.Value).Distinct().ToList();
        var closed = (await Closed(db).Where(t => taskIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. chases.Where(m => closed.Contains(m.TaskId!.Value))];
    }

    /// <summary>
    /// Marks the held escalations of closed tasks <see cref="OutboxStatus.Skipped"/>, so no digest lists them: one
    /// statement, guarded by their status, so a digest being written meanwhile either took them first or is not written.
    /// </summary>
    public static Task<int> SkipHeldAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var closed = Closed(db);
        return db.Outbox
            .Where(m => m.Status == OutboxStatus.Held && m.TaskId != null && closed.Any(t => t.Id == m.TaskId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Skipped), cancellationToken);
    }

    /// <summary>The completed and cancelled tasks.</summary>
    public static IQueryable<UnitTask> Closed(DirectiveFlowDbContext db) =>
        db.Tasks.Where(t => t.Status == UnitTaskStatus.Completed || t.Status == UnitTaskStatus.Cancelled);
}
