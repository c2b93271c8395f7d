using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

        var cancelled = await CancelOpenTasksAsync(db, instanceId, cancellationToken);
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

    /// <summary>
    /// Cancels the open tasks and answers the rows the UPDATE itself changed (<see cref="ProviderSql.CancelOpenTasksOfInstance"/>).
    /// Listing them first and cancelling in a second statement let a completion committed in between (PostgreSQL reads
    /// each statement's own snapshot) be listed but not cancelled: its unit was told its just-completed task had stopped.
    /// </summary>
    private static async Task<List<CancelledTask>> CancelOpenTasksAsync(DirectiveFlowDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = ProviderSql.For(db).CancelOpenTasksOfInstance;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@instance";
            parameter.Value = values.Id(instanceId);
            command.Parameters.Add(parameter);
            var cancelled = new List<CancelledTask>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    cancelled.Add(new CancelledTask(values.ReadId(reader, 0), values.ReadId(reader, 1), reader.GetInt32(2)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return cancelled;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>A task a cancellation closed: its unit, and its version after the change (the withdrawal notice's key).</summary>
public sealed record CancelledTask(Guid Id, Guid UnitId, int Version);
