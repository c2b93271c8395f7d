using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
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
            var values = new ProviderValues(db.Database.ProviderName);
            var consumed = await ProviderValues.ExecuteAsync(db.Database, ProviderSql.For(db).CompleteOpenTask, cancellationToken,
                ("@at", values.Time(now)), ("@id", values.Id(command.TaskId)));
            if (consumed == 0)
            {
                return StepOutcome.RolledBack(
                    await db.Tasks.AnyAsync(t => t.Id == command.TaskId, cancellationToken) ? ResumeResult.AlreadyConsumed : ResumeResult.NotFound);
            }

            var task = await Loads.For(db)(db, command.TaskId, cancellationToken);
            db.Journal.Add(new Core.Journal.JournalEntry
            {
                DirectiveId = task.DirectiveId, InstanceId = task.InstanceId, TaskId = task.Id, ActivityId = task.ActivityId,
                At = now, Actor = command.Actor, Action = "task.completed", Detail = command.Outcome,
            });
            var deferred = await engine.ContinueFromTaskAsync(db, task, command.Outcome, command.Actor, canDefer: true, cancellationToken);
            return StepOutcome.Committed(ResumeResult.Resumed, deferred);
        }, cancellationToken);
    }

    /// <summary>The consumed task, read once per step: compiled (no query built from an expression on every step).</summary>
    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, CancellationToken, Task<UnitTask>>> Loads = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext context, Guid id, CancellationToken _) => context.Tasks.AsNoTracking().Single(t => t.Id == id)));
}
