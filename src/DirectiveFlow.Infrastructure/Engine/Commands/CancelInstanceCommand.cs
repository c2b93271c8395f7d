using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// Cancels a running or faulted instance in one transaction: the instance, its open tasks (no more reminders), their
/// undecided extension requests (superseded, as when a single task ends) and its waiting executions. A faulted one is
/// what an administrator most needs to withdraw: its units' tasks are otherwise chased with nowhere to go. Answers
/// <see cref="ResumeResult.AlreadyConsumed"/> when it had already ended (completed or cancelled).
/// </summary>
public sealed record CancelInstanceCommand(Guid InstanceId, string Actor, string? Reason = null) : ICommand<ResumeResult>;

public sealed class CancelInstanceHandler(DirectiveFlowDbContext db, TimeProvider time) : ICommandHandler<CancelInstanceCommand, ResumeResult>
{
    public async ValueTask<ResumeResult> Handle(CancelInstanceCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = command.InstanceId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var directiveId = await db.WorkflowInstances.Where(i => i.Id == id).Select(i => (Guid?)i.DirectiveId).SingleOrDefaultAsync(cancellationToken);
        if (directiveId is null)
        {
            return ResumeResult.NotFound;
        }

        var won = await db.WorkflowInstances.Where(i => i.Id == id && (i.Status == WorkflowInstanceStatus.Running || i.Status == WorkflowInstanceStatus.Faulted))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Cancelled)
                .SetProperty(i => i.CompletedAt, now)
                .SetProperty(i => i.ConcurrencyStamp, i => i.ConcurrencyStamp + 1), cancellationToken);
        if (won == 0)
        {
            return ResumeResult.AlreadyConsumed;
        }

        var tasks = await db.Tasks.Where(t => t.InstanceId == id && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, UnitTaskStatus.Cancelled)
                .SetProperty(t => t.NextActionAt, (DateTimeOffset?)null)
                .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1), cancellationToken);
        // No decision can follow any more: the requests close as superseded, as when a single task ends.
        await db.ExtensionRequests
            .Where(r => r.Status == ExtensionRequestStatus.Requested && db.Tasks.Any(t => t.Id == r.TaskId && t.InstanceId == id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ExtensionRequestStatus.Superseded)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecidedBy, command.Actor)
                .SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp + 1), cancellationToken);
        await db.ActivityExecutions.Where(e => e.InstanceId == id
                && (e.Status == ActivityExecutionStatus.Waiting || e.Status == ActivityExecutionStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ActivityExecutionStatus.Cancelled)
                .SetProperty(e => e.CompletedAt, now)
                .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = directiveId.Value, InstanceId = id, At = now, Actor = command.Actor, Action = "instance.cancelled",
            Detail = $"{tasks} open tasks cancelled" + (command.Reason is null ? "" : $": {command.Reason}"),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ResumeResult.Resumed;
    }
}
