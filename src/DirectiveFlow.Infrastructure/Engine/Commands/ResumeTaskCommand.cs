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
            var task = await CompleteAsync(db, command.TaskId, now, cancellationToken);
            if (task is null)
            {
                return StepOutcome.RolledBack(
                    await db.Tasks.AnyAsync(t => t.Id == command.TaskId, cancellationToken) ? ResumeResult.AlreadyConsumed : ResumeResult.NotFound);
            }

            db.Journal.Add(new Core.Journal.JournalEntry
            {
                DirectiveId = task.DirectiveId, InstanceId = task.InstanceId, TaskId = task.Id, ActivityId = task.ActivityId,
                At = now, Actor = command.Actor, Action = "task.completed", Detail = command.Outcome,
            });
            var deferred = await engine.ContinueFromTaskAsync(db, task, command.Outcome, command.Actor, canDefer: true, cancellationToken);
            return StepOutcome.Committed(ResumeResult.Resumed, deferred);
        }, cancellationToken);
    }

    /// <summary>
    /// Completes the task unless it is closed already and answers it as it now is; null when it was closed (or is not
    /// there). One round trip where the provider's UPDATE returns the row (<see cref="ProviderSql.CompleteOpenTaskReturningRow"/>).
    /// </summary>
    private static async Task<UnitTask?> CompleteAsync(DirectiveFlowDbContext db, Guid taskId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        var sql = ProviderSql.For(db);
        (string, object)[] parameters = [("@at", values.Time(now)), ("@id", values.Id(taskId))];
        if (sql.CompleteOpenTaskReturningRow is { } returning)
        {
            // Not composed (ToList adds nothing to the SQL): EF runs the UPDATE as written and reads its rows as tasks.
            var rows = await db.Tasks.FromSqlRaw(returning, ProviderValues.Parameters(db.Database, parameters)).AsNoTracking().ToListAsync(cancellationToken);
            return rows.SingleOrDefault();
        }

        return await ProviderValues.ExecuteAsync(db.Database, sql.CompleteOpenTask, cancellationToken, parameters) == 0
            ? null
            : await Loads.For(db)(db, taskId, cancellationToken);
    }

    /// <summary>The consumed task, read once per step: compiled (no query built from an expression on every step).</summary>
    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, CancellationToken, Task<UnitTask>>> Loads = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext context, Guid id, CancellationToken _) => context.Tasks.AsNoTracking().Single(t => t.Id == id)));
}
