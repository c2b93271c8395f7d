using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// Cancels a running or faulted instance in one transaction (<see cref="InstanceCancellation"/>): the instance, its open
/// tasks, their undecided extension requests and its waiting executions. A faulted one is what an administrator most
/// needs to withdraw: its units' tasks are otherwise chased with nowhere to go. A directive's withdrawal
/// (<c>WithdrawDirectiveCommand</c>) cancels the same way and tells the units. Answers
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

        var cancelled = await InstanceCancellation.CancelAsync(db, id, directiveId.Value, command.Actor, now, cancellationToken);
        if (cancelled is null)
        {
            return ResumeResult.AlreadyConsumed;
        }

        if (command.Reason is { } reason)
        {
            db.Journal.Add(new JournalEntry
            {
                DirectiveId = directiveId.Value, InstanceId = id, At = now, Actor = command.Actor, Action = "instance.cancel-reason", Detail = reason,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ResumeResult.Resumed;
    }
}
