using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// Ends a running or faulted instance inside the caller's transaction: the instance, its open tasks (no more reminders),
/// their undecided extension requests (superseded, as when a single task ends) and its waiting executions. One rule for
/// the engine's <see cref="CancelInstanceCommand"/> and a directive's withdrawal, which adds its own notices to the same
/// transaction.
/// </summary>
public static class InstanceCancellation
{
    /// <summary>
    /// The tasks it cancelled (id, unit, version after the change), or null when the instance had already ended
    /// (completed or cancelled) and nothing changed. The journal row is added to <paramref name="db"/>, not saved.
    /// </summary>
    public static async Task<IReadOnlyList<CancelledTask>?> CancelAsync(
        DirectiveFlowDbContext db, Guid instanceId, Guid directiveId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var won = await db.WorkflowInstances
            .Where(i => i.Id == instanceId && (i.Status == WorkflowInstanceStatus.Running || i.Status == WorkflowInstanceStatus.Faulted))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Cancelled)
                .SetProperty(i => i.CompletedAt, now)
                .SetProperty(i => i.ConcurrencyStamp, i => i.ConcurrencyStamp + 1), cancellationToken);
        if (won == 0)
        {
            return null;
        }

        // Read after the instance's row is taken: a completion racing this one waits for it, then finds its task closed.
        var open = db.Tasks.Where(t => t.InstanceId == instanceId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled);
        var cancelled = await open.AsNoTracking()
            .Select(t => new CancelledTask(t.Id, t.UnitId, t.ConcurrencyStamp + 1))
            .ToListAsync(cancellationToken);
        await open.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, UnitTaskStatus.Cancelled)
            .SetProperty(t => t.NextActionAt, (DateTimeOffset?)null)
            .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1), cancellationToken);
        // No decision can follow any more: the requests close as superseded, as when a single task ends.
        await db.ExtensionRequests
            .Where(r => r.Status == ExtensionRequestStatus.Requested && db.Tasks.Any(t => t.Id == r.TaskId && t.InstanceId == instanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ExtensionRequestStatus.Superseded)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecidedBy, actor)
                .SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp + 1), cancellationToken);
        await db.ActivityExecutions.Where(e => e.InstanceId == instanceId
                && (e.Status == ActivityExecutionStatus.Waiting || e.Status == ActivityExecutionStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ActivityExecutionStatus.Cancelled)
                .SetProperty(e => e.CompletedAt, now)
                .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = directiveId, InstanceId = instanceId, At = now, Actor = actor, Action = "instance.cancelled",
            Detail = $"{cancelled.Count} open tasks",
        });
        return cancelled;
    }
}

/// <summary>A task a cancellation closed: its unit, and its version after the change (the withdrawal notice's key).</summary>
public sealed record CancelledTask(Guid Id, Guid UnitId, int Version);
