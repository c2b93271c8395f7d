using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// A token reaching a Cascade: resolves the targets with one query and writes the cascade's execution, which is also
/// its join. Small cascades are written whole in the step's transaction; larger ones are left to checkpointed batches,
/// leased to this node from the start so it writes them unless it dies first.
/// </summary>
public sealed class CascadeStarter(
    CascadeBranchWriter branches, DeadlineCalculator deadlines, ResolvedTargets handoff, CascadeLease lease, EngineOptions options)
{
    public async Task StartAsync(FlowStep step, string activityId, FlowScope scope, FlowWalker walker, CancellationToken cancellationToken)
    {
        var props = step.Flow.Properties<CascadeProperties>(activityId);
        var targets = await CascadeTargets.ResolveAsync(step, activityId, scope.UnitId, scope.ItemNo, cancellationToken);
        var inline = targets.Count <= options.InlineCascadeLimit || !step.CanDeferCascades;
        using var telemetry = CascadeTelemetry.Start(targets.Count, inline);
        var cascade = new ActivityExecution
        {
            Id = Guid.CreateVersion7(step.Now),
            InstanceId = step.InstanceId,
            ActivityId = activityId,
            ActivityType = ActivityTypes.Cascade,
            ParentExecutionId = scope.CascadeExecutionId,
            UnitId = scope.UnitId,
            ItemNo = scope.ItemNo,
            Status = ActivityExecutionStatus.Waiting,
            ExpectedBranches = targets.Count,
            WrittenBranches = inline ? targets.Count : 0,
            ResumeAt = props.Completion.Mode == CompletionMode.Deadline
                ? deadlines.DueAt(props.Completion.Deadline, step.Directive.Inputs, step.Now)
                : null,
            CreatedAt = step.Now,
        };
        if (!inline)
        {
            lease.Hold(cascade);
        }

        step.Db.ActivityExecutions.Add(cascade);
        step.RememberCascadeUnit(cascade.Id, scope.UnitId);
        step.Journal("cascade.started", $"{targets.Count} units", activityId);
        if (!inline || targets.Count == 0 || CascadeBranchWriter.TaskBody(step, activityId) is null)
        {
            await step.Db.SaveChangesAsync(cancellationToken);
            step.Db.Entry(cascade).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        // Otherwise the execution is saved with the step's last flush, after the task rows that name it (CascadeBranchWriter).

        if (targets.Count == 0)
        {
            if (await JoinCounter.TryCompleteAsync(step, cascade, cancellationToken) is { } done)
            {
                await walker.ContinueAfterCascadeAsync(step, done, cancellationToken);
            }

            return;
        }

        if (inline)
        {
            await branches.WriteAsync(step, cascade, targets, walker, knownNew: true, cancellationToken);
        }
        else
        {
            handoff.Put(cascade.Id, targets);
            step.DeferredCascades.Add(cascade.Id);
        }
    }
}
