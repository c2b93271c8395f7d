using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Cascades;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The token walk: hands each token to its activity's <see cref="IActivityHandler"/>, which moves it on (Start,
/// Decision, Notify, End) or rests it on a bookmark row (a task row for UnitTask, a waiting execution for Delay, the
/// cascade's join execution for Cascade). Everything is written to the step's context and transaction.
/// </summary>
public sealed class FlowWalker(FlowWalkerServices services)
{
    /// <summary>Moves every pending token of <paramref name="step"/> until each rests or ends; each activity's registered
    /// handler says what its token does.</summary>
    public async Task DrainAsync(FlowStep step, CancellationToken cancellationToken)
    {
        while (!step.CompletedInstance && step.Pending.TryDequeue(out var token))
        {
            var activity = step.Flow.Activity(token.ActivityId);
            var handler = services.Activities.FindHandler(activity.Type)
                ?? throw new FlowFaultException(new ErrorMessage(ErrorCodes.FaultUnknownActivityType, activity.Id, activity.Type));
            try
            {
                await handler.RunAsync(new StepActivityRun(step, activity, token.Scope, this, services), cancellationToken);
            }
            catch (ActivityFaultException e)
            {
                throw new FlowFaultException(e.Problem);
            }
        }
    }

    /// <summary>Moves a token out of <paramref name="sourceId"/> through <paramref name="outcome"/>; no connection ends it.</summary>
    public async Task FollowAsync(FlowStep step, string sourceId, string outcome, FlowScope scope, CancellationToken cancellationToken)
    {
        var next = step.Flow.Next(sourceId, outcome);
        if (next.Count == 0)
        {
            await EndTokenAsync(step, scope, cancellationToken);
            return;
        }

        foreach (var target in next)
        {
            step.Pending.Enqueue(new FlowToken(target, scope));
        }
    }

    /// <summary>
    /// A branch's token ended (or its task was withdrawn, <paramref name="withdrawn"/>): count it on its join, and take the
    /// cascade's Done port if that met the rule.
    /// </summary>
    public async Task BranchFinishedAsync(FlowStep step, Guid cascadeExecutionId, CancellationToken cancellationToken, bool withdrawn = false)
    {
        var completed = await JoinCounter.BranchFinishedAsync(step, cascadeExecutionId, cancellationToken, withdrawn);
        if (completed is not null)
        {
            await ContinueAfterCascadeAsync(step, completed, cancellationToken);
        }
    }

    /// <summary>Counts branches whose units another run of the cascade gave the work already (<see cref="JoinCounter.BranchesGivenElsewhereAsync"/>).</summary>
    public async Task BranchesGivenElsewhereAsync(FlowStep step, Guid cascadeExecutionId, IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken)
    {
        var completed = await JoinCounter.BranchesGivenElsewhereAsync(step, cascadeExecutionId, unitCodes, cancellationToken);
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
            await FollowAsync(step, cascade.ActivityId, "Done", new FlowScope(cascade.ParentExecutionId, cascade.UnitId, cascade.ItemNo), cancellationToken);
        }
    }

    /// <summary>
    /// A token ended: its branch counts on the join; at the top level the instance completes once no other work is open.
    /// An End ends its own path only: with a parallel path's task still open, completing the instance would leave that
    /// task chased for ever and its completion moving nothing.
    /// </summary>
    internal async Task EndTokenAsync(FlowStep step, FlowScope scope, CancellationToken cancellationToken)
    {
        if (scope.CascadeExecutionId is { } cascadeId)
        {
            await BranchFinishedAsync(step, cascadeId, cancellationToken);
            return;
        }

        if (!await JoinCounter.HasOpenTopLevelWorkAsync(step, cancellationToken))
        {
            await JoinCounter.CompleteInstanceAsync(step, cancellationToken);
        }
    }
}
