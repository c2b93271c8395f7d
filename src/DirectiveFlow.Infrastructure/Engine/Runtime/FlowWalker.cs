using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The token walk: moves tokens through non-blocking activities (Start, Decision, Notify, End) inline and stops them at
/// blocking ones, which leave a bookmark row (a task row for UnitTask, a waiting execution for Delay, the cascade's
/// join execution for Cascade). Everything is written to the step's context and transaction.
/// </summary>
public sealed class FlowWalker(
    UnitTaskWriter tasks, CascadeStarter cascades, NotifyWriter notify, DecisionRunner decisions, DeadlineCalculator deadlines)
{
    /// <summary>Moves every pending token of <paramref name="step"/> until each rests or ends.</summary>
    public async Task DrainAsync(FlowStep step, CancellationToken cancellationToken)
    {
        while (!step.CompletedInstance && step.Pending.TryDequeue(out var token))
        {
            var activity = step.Flow.Activity(token.ActivityId);
            switch (activity.Type)
            {
                case ActivityTypes.Start:
                    await FollowAsync(step, activity.Id, "Done", token.Scope, cancellationToken);
                    break;
                case ActivityTypes.UnitTask:
                    await tasks.WriteAsync(step, activity.Id, token.Scope, cancellationToken);
                    break;
                case ActivityTypes.Cascade:
                    await cascades.StartAsync(step, activity.Id, token.Scope, this, cancellationToken);
                    break;
                case ActivityTypes.Delay:
                    WriteDelay(step, activity, token.Scope);
                    break;
                case ActivityTypes.Notify:
                    await notify.WriteAsync(step, activity, token.Scope, cancellationToken);
                    await FollowAsync(step, activity.Id, "Done", token.Scope, cancellationToken);
                    break;
                case ActivityTypes.Decision:
                    var outcome = await decisions.EvaluateAsync(step, activity, token.Scope, cancellationToken) ? "True" : "False";
                    step.Journal("decision.evaluated", outcome, activity.Id);
                    await FollowAsync(step, activity.Id, outcome, token.Scope, cancellationToken);
                    break;
                case ActivityTypes.Review:
                    // A Review is a property of the task before it; reached any other way it has nothing to review.
                    await FollowAsync(step, activity.Id, "Accepted", token.Scope, cancellationToken);
                    break;
                case ActivityTypes.End:
                    await EndTokenAsync(step, token.Scope, explicitEnd: true, cancellationToken);
                    break;
                default:
                    throw new FlowFaultException($"Activity '{activity.Id}' has unknown type '{activity.Type}'.");
            }
        }
    }

    /// <summary>Moves a token out of <paramref name="sourceId"/> through <paramref name="outcome"/>; no connection ends it.</summary>
    public async Task FollowAsync(FlowStep step, string sourceId, string outcome, FlowScope scope, CancellationToken cancellationToken)
    {
        var next = step.Flow.Next(sourceId, outcome);
        if (next.Count == 0)
        {
            await EndTokenAsync(step, scope, explicitEnd: false, cancellationToken);
            return;
        }

        foreach (var target in next)
        {
            step.Pending.Enqueue(new FlowToken(target, scope));
        }
    }

    /// <summary>A branch's token ended: count it on its join, and take the cascade's Done port if that met the rule.</summary>
    public async Task BranchFinishedAsync(FlowStep step, Guid cascadeExecutionId, CancellationToken cancellationToken)
    {
        var completed = await JoinCounter.BranchFinishedAsync(step, cascadeExecutionId, cancellationToken);
        if (completed is not null)
        {
            await ContinueAfterCascadeAsync(step, completed, cancellationToken);
        }
    }

    /// <summary>Takes the Done port of a cascade whose join just completed (sub-cascades end there).</summary>
    public async Task ContinueAfterCascadeAsync(FlowStep step, ActivityExecution cascade, CancellationToken cancellationToken)
    {
        if (cascade.ActivityType == ActivityTypes.Cascade)
        {
            await FollowAsync(step, cascade.ActivityId, "Done", new FlowScope(cascade.ParentExecutionId, cascade.UnitId), cancellationToken);
        }
    }

    private async Task EndTokenAsync(FlowStep step, FlowScope scope, bool explicitEnd, CancellationToken cancellationToken)
    {
        if (scope.CascadeExecutionId is { } cascadeId)
        {
            await BranchFinishedAsync(step, cascadeId, cancellationToken);
            return;
        }

        if (explicitEnd || !await JoinCounter.HasOpenTopLevelWorkAsync(step, cancellationToken))
        {
            await JoinCounter.CompleteInstanceAsync(step, cancellationToken);
        }
    }

    private void WriteDelay(FlowStep step, ActivityDefinition activity, FlowScope scope)
    {
        var resumeAt = deadlines.DueAt(step.Flow.Properties<DelayProperties>(activity.Id).Deadline, step.Directive.Inputs, step.Now);
        step.Db.ActivityExecutions.Add(new ActivityExecution
        {
            Id = Guid.CreateVersion7(step.Now),
            InstanceId = step.InstanceId,
            ActivityId = activity.Id,
            ActivityType = ActivityTypes.Delay,
            ParentExecutionId = scope.CascadeExecutionId,
            UnitId = scope.UnitId,
            Status = ActivityExecutionStatus.Waiting,
            ResumeAt = resumeAt,
            CreatedAt = step.Now,
        });
        step.Journal("delay.started", $"resumeAt={resumeAt:O}", activity.Id);
    }
}
