using System.Collections.Concurrent;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.TestSupport.Tasks;

/// <summary>TEST-ONLY: an engine that records which tasks finished with which outcome, and can be told to fail. Used where
/// task rows are inserted by <see cref="TaskTestData"/> without a flow behind them.</summary>
public sealed class RecordingWorkflowEngine : IWorkflowEngine
{
    public ConcurrentQueue<(Guid TaskId, string Outcome, string Actor)> Finished { get; } = new();

    /// <summary>When set, the next call throws it (to prove the caller's transaction rolls back).</summary>
    public Exception? FailWith { get; set; }

    public Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure)
        {
            FailWith = null;
            throw failure;
        }

        Finished.Enqueue((task.Id, outcome, actor));
        return Task.CompletedTask;
    }

    /// <summary>The tasks withdrawn, in order.</summary>
    public ConcurrentQueue<Guid> Cancelled { get; } = new();

    public Task OnTaskCancelledAsync(DirectiveFlowDbContext db, UnitTask task, string actor, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue(task.Id);
        return Task.CompletedTask;
    }

    /// <summary>The contract's rule, read straight from the sub-cascade's execution row.</summary>
    public async Task<bool> CanCompleteAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken) =>
        task.SubCascadeExecutionId is not { } sub || task.AllowCompleteBeforeSubCascade
        || !await db.ActivityExecutions.AnyAsync(
            e => e.Id == sub && e.Status != ActivityExecutionStatus.Completed && e.Status != ActivityExecutionStatus.Cancelled, cancellationToken);

    /// <summary>The protocol itself, without flows behind it: begin, work, save and commit (or roll back).</summary>
    public async Task<T> RunStepAsync<T>(DirectiveFlowDbContext db, Func<Task<StepOutcome<T>>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await work();
        if (outcome.Commit)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome.Result;
    }

    public Task<FlowStep> StartInstanceAsync(DirectiveFlowDbContext db, Directive directive, WorkflowDefinitionRecord record, string actor, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The recording engine runs no flows; use the real engine to issue directives.");

    public Task<IReadOnlyList<Guid>> ContinueFromTaskAsync(
        DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, bool canDefer, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The recording engine runs no flows; it records finished tasks (OnTaskFinishedAsync).");

    public Task AfterCommitAsync(IEnumerable<Guid> deferredCascades, CancellationToken cancellationToken) => Task.CompletedTask;
}
