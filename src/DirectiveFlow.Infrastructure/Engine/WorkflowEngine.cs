using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine;

/// <summary>
/// The runtime: starts instances, moves a finished task's branch on, and hands large cascades to the batch writer
/// once the step that started them has committed.
/// </summary>
public sealed class WorkflowEngine(
    FlowStepLoader steps, FlowWalker walker, WorkflowDefinitionCache definitions,
    CascadeBatchRunner batches, CascadeQueue queue, EngineOptions options, TimeProvider time) : IWorkflowEngine
{
    /// <inheritdoc />
    public async Task<T> RunStepAsync<T>(DirectiveFlowDbContext db, Func<Task<StepOutcome<T>>> work, CancellationToken cancellationToken)
    {
        StepOutcome<T> outcome;
        // A step that fails is rolled back whole (a flaw in the flow is caught inside, by FaultGuard's own savepoint).
        using (new SavepointsOff(db))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                outcome = await work();
            }
            catch
            {
                // Rolled back whole: nothing it added may ride on the next save of a context that runs many steps.
                db.ChangeTracker.ForgetPending();
                throw;
            }

            if (!outcome.Commit)
            {
                // Rolled back whole: nothing the step added or changed (a cascade's notice list, its journal) may ride on
                // this context's next save, when one context runs many steps (ResumeDelays).
                db.ChangeTracker.ForgetPending();

                return outcome.Result;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // What the step wrote for the engine alone (a cascade's execution, its notice list of up to thousands of lines)
        // is not read through this context again: a context that runs many steps (ResumeDelays) must not keep it all.
        db.ChangeTracker.Forget(e => e.Entity is ActivityExecution or Core.Email.OutboxModel);

        await AfterCommitAsync(outcome.DeferredCascades, cancellationToken);
        return outcome.Result;
    }

    /// <inheritdoc />
    public async Task<FlowStep> StartInstanceAsync(
        DirectiveFlowDbContext db, Directive directive, WorkflowDefinitionRecord record, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = directive.InstanceId == Guid.Empty ? Guid.CreateVersion7(now) : directive.InstanceId,
            DefinitionRecordId = record.Id,
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.Version,
            DirectiveId = directive.Id,
            CreatedAt = now,
        };
        directive.InstanceId = instance.Id;
        db.WorkflowInstances.Add(instance);
        var flow = await definitions.GetAsync(db, record.Id, cancellationToken);
        var step = new FlowStep
        {
            Db = db, InstanceId = instance.Id, Flow = flow, Directive = FlowDocument.From(directive), Now = now, Actor = actor,
            CanDeferCascades = true,
        };
        step.Journal("instance.started", $"{record.DefinitionId} v{record.Version}");
        step.Pending.Enqueue(new FlowToken(flow.Start.Id, FlowScope.TopLevel));
        await walker.DrainAsync(step, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    /// <inheritdoc />
    public async Task AfterCommitAsync(IEnumerable<Guid> deferredCascades, CancellationToken cancellationToken)
    {
        foreach (var id in deferredCascades)
        {
            if (options.BackgroundCascades)
            {
                queue.Enqueue(id);
            }
            else
            {
                await batches.ContinueAsync(id, knownNew: true, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Flush the caller's guarded task update first: a concurrent second finisher fails here, before any flow moves.
            await db.SaveChangesAsync(cancellationToken);
            await ContinueFromTaskAsync(db, task, outcome, actor, canDefer: false, cancellationToken);
            return;
        }

        await RunStepAsync(db, async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            return StepOutcome.Committed(true, await ContinueFromTaskAsync(db, task, outcome, actor, canDefer: true, cancellationToken));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CanCompleteAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken)
    {
        if (task.SubCascadeExecutionId is not { } sub || task.AllowCompleteBeforeSubCascade)
        {
            return true;
        }

        var status = await db.ActivityExecutions.AsNoTracking().Where(e => e.Id == sub).Select(e => (ActivityExecutionStatus?)e.Status)
            .SingleOrDefaultAsync(cancellationToken);
        return status is null or ActivityExecutionStatus.Completed or ActivityExecutionStatus.Cancelled;
    }

    /// <inheritdoc />
    public async Task OnTaskCancelledAsync(DirectiveFlowDbContext db, UnitTask task, string actor, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A task is cancelled inside its command's transaction.");
        }

        // Flush the caller's guarded cancellation first: a concurrent finisher of the same task fails here, before the join moves.
        await db.SaveChangesAsync(cancellationToken);
        if (task.SubCascadeExecutionId is { } sub)
        {
            // Its own sub-cascade ends with it (the caller withdrew the sub-tasks): nothing waits on that join any more.
            await db.ActivityExecutions
                .Where(e => e.Id == sub && (e.Status == ActivityExecutionStatus.Waiting || e.Status == ActivityExecutionStatus.Running))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ActivityExecutionStatus.Cancelled)
                    .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
        }

        await MoveFromTaskAsync(db, task, actor, canDefer: false, withdrawn: true, async (step, scope) =>
        {
            // The branch ends where it stands: its join counts it, so the cascade (or the unit's sub-cascade) is not left
            // waiting for a task that will never finish; at the top level the instance ends when nothing else is open.
            if (scope.CascadeExecutionId is { } cascade)
            {
                await walker.BranchFinishedAsync(step, cascade, cancellationToken, withdrawn: true);
            }
            else
            {
                await walker.EndTokenAsync(step, scope, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Guid>> ContinueFromTaskAsync(
        DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, bool canDefer, CancellationToken cancellationToken) =>
        MoveFromTaskAsync(db, task, actor, canDefer, withdrawn: false, async (step, scope) =>
        {
            var review = step.Flow.ReviewAfter(task.ActivityId);
            var fromReview = review is not null && outcome is Outcomes.Done or Outcomes.Accepted;
            step.Journal("flow.resumed", outcome, task.ActivityId, task.Id);
            await walker.FollowAsync(step, fromReview ? review!.Id : task.ActivityId, fromReview ? Outcomes.Accepted : outcome, scope, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A step from a task that has reached its end (finished or withdrawn): the flow's step loaded in the task's branch,
    /// <paramref name="move"/> run under the fault guard and the walk drained. A sub-cascade's child task only counts on
    /// its sub-cascade's join (its parent task then may complete).
    /// </summary>
    private async Task<IReadOnlyList<Guid>> MoveFromTaskAsync(
        DirectiveFlowDbContext db, UnitTask task, string actor, bool canDefer, bool withdrawn, Func<FlowStep, FlowScope, Task> move,
        CancellationToken cancellationToken)
    {
        // A sub-task only counts on its unit's sub-cascade join, even in a faulted instance: its parent unit may then
        // complete its own task, where before it was refused (sub-cascade open) for ever.
        var subCascade = task.ParentTaskId is not null ? task.CascadeExecutionId : null;
        var step = await steps.LoadAsync(db, task.InstanceId, actor, canDefer, cancellationToken,
            branchUnitId: task.CascadeExecutionId is null ? null : task.UnitId, faultedToo: subCascade is not null);
        if (step is null)
        {
            return [];
        }

        await FaultGuard.RunAsync(step, async () =>
        {
            if (subCascade is { } join)
            {
                await JoinCounter.BranchFinishedAsync(step, join, cancellationToken, withdrawn);
                return;
            }

            var scope = task.CascadeExecutionId is { } cascade ? new FlowScope(cascade, task.UnitId, task.ItemNo) : FlowScope.TopLevel;
            await move(step, scope);
            await walker.DrainAsync(step, cancellationToken);
        }, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return step.DeferredCascades;
    }
}
