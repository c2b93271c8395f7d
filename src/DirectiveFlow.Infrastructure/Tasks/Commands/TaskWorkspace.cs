using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// What every task command does around its own rule: load the task, check who may act (404 before 403 before
/// 409), stamp the change, journal it, and commit everything in one transaction guarded by the task's
/// <see cref="UnitTask.ConcurrencyStamp"/> (a concurrent change → 409).
/// </summary>
public sealed class TaskWorkspace(DirectiveFlowDbContext db, TaskCallerResolver callers, TimeProvider clock, OutboxOptions outbox)
{
    private UnitTask? _task;

    public DirectiveFlowDbContext Db => db;

    /// <summary>The task's page, as an email links to it (on <c>App:BaseUrl</c>).</summary>
    public string TaskLink(Guid taskId) => Email.Links.EmailLinks.Task(outbox.BaseUrl, taskId);

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>Loads the task tracked, for <paramref name="action"/> by the current caller, or throws the right problem.</summary>
    public Task<TaskForAction> LoadAsync(Guid taskId, TaskAction action, CancellationToken cancellationToken) =>
        LoadAsync(taskId, (task, sides) =>
        {
            TaskAccessPolicy.EnsureMayPerform(action, sides);
            TaskStateMachine.EnsureAllowed(task.Status, action);
        }, cancellationToken);

    /// <summary>
    /// Loads the task tracked for a command that is not a lifecycle action: 404 for a caller who may not read it, then
    /// <paramref name="ensure"/> checks the caller's sides and the task's state (throwing 403 or 409).
    /// </summary>
    public async Task<TaskForAction> LoadAsync(Guid taskId, Action<UnitTask, TaskSides> ensure, CancellationToken cancellationToken)
    {
        var row = await Loads.For(db)(db, taskId, cancellationToken) ?? throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        var task = row.Task;
        var supporting = row.Supporting;
        var caller = await callers.GetAsync(cancellationToken);
        if (!TaskAccessPolicy.CanRead(caller, task.UnitId, task.AssignerUnitId, supporting)
            && !await ObservedTasks.ObservesAsync(db, caller, task.DirectiveId, cancellationToken))
        {
            throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        }

        var sides = TaskAccessPolicy.SidesOf(caller, task.UnitId, task.AssignerUnitId, supporting);
        ensure(task, sides);
        _task = task;
        DefinitionRecordId = row.DefinitionRecordId;
        HasOpenExtensionRequests = row.HasOpenExtensionRequests;
        return new TaskForAction(task, caller, sides);
    }

    /// <summary>The flow version (<c>WorkflowDefinitionRecord</c>) the loaded task's instance runs, if it has one.</summary>
    public Guid? DefinitionRecordId { get; private set; }

    /// <summary>
    /// Whether the loaded task had an undecided extension request when it was read. Reliable until the commit: a request
    /// is only added or decided by a task command, which moves the task's stamp, so one added since fails this commit (409).
    /// </summary>
    public bool HasOpenExtensionRequests { get; private set; }

    // The task (tracked), its supporting units, its instance's flow version and whether it has an undecided extension
    // request, in one compiled query: a command's reads before its transaction are one round trip instead of four, and
    // no query cache key is built from an expression. A compiled query serves one model (one per provider).
    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, CancellationToken, Task<LoadedTask?>>> Loads = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext context, Guid id, CancellationToken _) => context.Tasks
            .Where(t => t.Id == id)
            .Select(t => new LoadedTask
            {
                Task = t,
                Supporting = context.TaskSupportingUnits.Where(s => s.TaskId == t.Id).Select(s => s.UnitId).ToList(),
                DefinitionRecordId = context.WorkflowInstances.Where(i => i.Id == t.InstanceId).Select(i => (Guid?)i.DefinitionRecordId).FirstOrDefault(),
                HasOpenExtensionRequests = context.ExtensionRequests.Any(r => r.TaskId == t.Id && r.Status == ExtensionRequestStatus.Requested),
            })
            .FirstOrDefault()));

    private sealed class LoadedTask
    {
        public required UnitTask Task { get; init; }

        public required List<Guid> Supporting { get; init; }

        public Guid? DefinitionRecordId { get; init; }

        public bool HasOpenExtensionRequests { get; init; }
    }

    /// <summary>Marks the task changed (the optimistic-concurrency stamp moves on every update) and journals it.</summary>
    public void Record(UnitTask task, string actor, string action, string? detail = null)
    {
        task.ConcurrencyStamp++;
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = task.DirectiveId,
            InstanceId = task.InstanceId,
            TaskId = task.Id,
            ActivityId = task.ActivityId,
            At = Now,
            Actor = actor,
            Action = action,
            Detail = detail,
        });
    }

    /// <summary>
    /// Commits in one transaction. The task row is claimed first — a guarded UPDATE of its stamp from the value read
    /// to the new one — so a concurrent writer fails on the task (409) before any of its other rows (journal, outbox
    /// with its unique dedupe key) are written. <paramref name="beforeSave"/> runs inside the transaction (the engine
    /// moving the flow on writes to the same context), so the task, the flow's next step, the journal and the outbox
    /// commit together or not at all. On SQLite the process's task commands take their turn for the write lock in
    /// <see cref="SqliteWriterQueue"/> (a handover instead of SQLite's busy-handler sleeps); the guard is unchanged.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken, Func<Task>? beforeSave = null)
    {
        var task = _task ?? throw new InvalidOperationException("Load the task before committing.");
        // A failed save ends the command: the transaction is rolled back whole, with no savepoint around each save.
        using var savepoints = new SavepointsOff(db);
        using var turn = await SqliteWriterQueue.WaitTurnAsync(db, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stamp = db.Entry(task).Property(t => t.ConcurrencyStamp);
            var claimed = await ProviderValues.ExecuteAsync(db.Database, ProviderSql.For(db).ClaimTaskStamp, cancellationToken,
                ("@stamp", task.ConcurrencyStamp), ("@id", new ProviderValues(db.Database.ProviderName).Id(task.Id)), ("@read", stamp.OriginalValue));
            if (claimed == 0)
            {
                throw new DbUpdateConcurrencyException("The task's stamp moved on since it was read.");
            }

            stamp.OriginalValue = task.ConcurrencyStamp;
            if (beforeSave is not null)
            {
                await beforeSave();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ProblemException.Conflict(ErrorCodes.TaskChanged);
        }
    }
}

/// <summary>A tracked task loaded for one action, with who is acting and on which sides.</summary>
public sealed record TaskForAction(UnitTask Task, TaskCaller Caller, TaskSides Sides);
