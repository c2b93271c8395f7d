using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// Consumes a task's bookmark: the task becomes Completed (a guarded transition from any open state) and its branch
/// moves on along <paramref name="Outcome"/>. A second resume of the same task answers
/// <see cref="ResumeResult.AlreadyConsumed"/> and changes nothing.
/// </summary>
public sealed record ResumeTaskCommand(Guid TaskId, string Outcome, string Actor) : ICommand<ResumeResult>;

public sealed class ResumeTaskHandler(DirectiveFlowDbContext db, IWorkflowEngine engine, TimeProvider time)
    : ICommandHandler<ResumeTaskCommand, ResumeResult>
{
    public async ValueTask<ResumeResult> Handle(ResumeTaskCommand command, CancellationToken cancellationToken)
    {
        return await engine.RunStepAsync(db, async () =>
        {
            var now = time.GetUtcNow();
            var consumed = await db.Tasks
                .Where(t => t.Id == command.TaskId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, UnitTaskStatus.Completed)
                    .SetProperty(t => t.CompletedAt, now)
                    .SetProperty(t => t.NextActionAt, (DateTimeOffset?)null)
                    .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1), cancellationToken);
            if (consumed == 0)
            {
                return StepOutcome.RolledBack(
                    await db.Tasks.AnyAsync(t => t.Id == command.TaskId, cancellationToken) ? ResumeResult.AlreadyConsumed : ResumeResult.NotFound);
            }

            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == command.TaskId, cancellationToken);
            db.Journal.Add(new Core.Journal.JournalEntry
            {
                DirectiveId = task.DirectiveId, InstanceId = task.InstanceId, TaskId = task.Id, ActivityId = task.ActivityId,
                At = now, Actor = command.Actor, Action = "task.completed", Detail = command.Outcome,
            });
            var deferred = await engine.ContinueFromTaskAsync(db, task, command.Outcome, command.Actor, canDefer: true, cancellationToken);
            return StepOutcome.Committed(ResumeResult.Resumed, deferred);
        }, cancellationToken);
    }
}
