using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The chases (<see cref="ChaseKeys"/>) whose task was completed or cancelled after the sweep queued them: they waited out
/// an SMTP outage, came back as a retried dead letter, or were held for a digest. A unit is not chased about a closed
/// task, so they are not sent but become <see cref="OutboxStatus.Skipped"/>. Nor is a task's assignment (new, returned, a
/// supporting unit's part) once the task is cancelled, e.g. by its directive's withdrawal: the unit would get "Nhiệm vụ
/// mới" and then "Thu hồi văn bản" minutes apart. Each of those emails is about one task, so it is skipped whole. An
/// assignment of a completed task is still sent (the unit did the work), as is every other email about a task.
/// </summary>
public static class ClosedTaskChases
{
    /// <summary>Of the rows one batch claimed, the chases of closed tasks and the assignments of cancelled ones: one query for the batch.</summary>
    public static async Task<List<OutboxMessage>> FindAsync(DirectiveFlowDbContext db, IReadOnlyList<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var candidates = claimed.Where(m => m.TaskId is not null && (ChaseKeys.IsChase(m.DedupeKey) || IsAssignment(m))).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var taskIds = candidates.Select(m => m.TaskId!.Value).Distinct().ToList();
        var closed = await Closed(db).Where(t => taskIds.Contains(t.Id)).Select(t => new { t.Id, t.Status }).ToDictionaryAsync(t => t.Id, t => t.Status, cancellationToken);
        return [.. candidates.Where(m => closed.TryGetValue(m.TaskId!.Value, out var status)
            && (ChaseKeys.IsChase(m.DedupeKey) || status == UnitTaskStatus.Cancelled))];
    }

    /// <summary>Whether the row gives its task to a unit (<see cref="AssignmentKeys"/>): by its template, as a withdrawal's own email names the same task.</summary>
    private static bool IsAssignment(OutboxMessage message) =>
        message.Template is EmailTemplates.Assigned or EmailTemplates.Supporting or EmailTemplates.Returned;

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
