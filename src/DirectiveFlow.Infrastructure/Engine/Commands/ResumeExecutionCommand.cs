using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// Wakes one waiting execution whose time has come: a Delay (takes its Done port) or a Cascade completing at a
/// deadline (takes Done however many branches finished). Guarded: a second wake answers AlreadyConsumed.
/// </summary>
public sealed record ResumeExecutionCommand(Guid ExecutionId, string Actor = "system") : ICommand<ResumeResult>;

public sealed class ResumeExecutionHandler(DirectiveFlowDbContext db, FlowStepLoader steps, FlowWalker walker, IWorkflowEngine engine)
    : ICommandHandler<ResumeExecutionCommand, ResumeResult>
{
    public async ValueTask<ResumeResult> Handle(ResumeExecutionCommand command, CancellationToken cancellationToken)
    {
        return await engine.RunStepAsync(db, async () =>
        {
            var execution = await db.ActivityExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == command.ExecutionId, cancellationToken);
            if (execution is null)
            {
                return StepOutcome.RolledBack(ResumeResult.NotFound);
            }

            var step = await steps.LoadAsync(db, execution.InstanceId, command.Actor, canDeferCascades: true, cancellationToken);
            if (execution.Status != ActivityExecutionStatus.Waiting)
            {
                return StepOutcome.RolledBack(ResumeResult.AlreadyConsumed);
            }

            if (step is null)
            {
                return StepOutcome.RolledBack(ResumeResult.InstanceNotRunning);
            }

            if (execution.ResumeAt is not { } due || due > step.Now)
            {
                return StepOutcome.RolledBack(ResumeResult.NotDue);
            }

            var scope = new FlowScope(execution.ParentExecutionId, execution.UnitId, execution.ItemNo);
            var outcome = ResumeResult.Resumed;
            await FaultGuard.RunAsync(step, async () => outcome = await WakeAsync(step, execution, scope, cancellationToken), cancellationToken);
            return outcome == ResumeResult.Resumed
                ? StepOutcome.Committed(outcome, step.DeferredCascades)
                : StepOutcome.RolledBack(outcome);
        }, cancellationToken);
    }

    private async Task<ResumeResult> WakeAsync(FlowStep step, ActivityExecution execution, FlowScope scope, CancellationToken cancellationToken)
    {
        if (execution.ActivityType == ActivityTypes.Cascade)
        {
            if (await JoinCounter.TryCompleteAsync(step, execution, cancellationToken) is not { } completed)
            {
                return ResumeResult.AlreadyConsumed;
            }

            await walker.ContinueAfterCascadeAsync(step, completed, cancellationToken);
        }
        else
        {
            var won = await db.ActivityExecutions
                .Where(e => e.Id == execution.Id && e.Status == ActivityExecutionStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ActivityExecutionStatus.Completed)
                    .SetProperty(e => e.Outcome, Outcomes.Done)
                    .SetProperty(e => e.CompletedAt, step.Now)
                    .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
            if (won == 0)
            {
                return ResumeResult.AlreadyConsumed;
            }

            step.Journal("delay.resumed", null, execution.ActivityId);
            await walker.FollowAsync(step, execution.ActivityId, Outcomes.Done, scope, cancellationToken);
        }

        await walker.DrainAsync(step, cancellationToken);
        return ResumeResult.Resumed;
    }
}
