using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Review;

/// <summary>
/// The assigner accepts the task before it or returns it for rework. A Review is a property of that task (the task
/// waits in review when completed), so it must follow one UnitTask's Done port and lead Returned back to it.
/// </summary>
public sealed class ReviewActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Review,
        [Outcomes.Accepted, Outcomes.Returned], false, [ActivityFields.Instructions], IsBlocking: true)
    { Order = 40 };

    public override object? ReadProperties(ActivityDefinition activity) => ReviewProperties.From(activity);

    public override void Check(ActivityCheck check)
    {
        var review = check.Activity;
        var incoming = check.Definition.Connections.Where(c => c.Target == review.Id && check.ActivityById(c.Source) is not null).ToList();
        var task = incoming.Count == 1 ? check.ActivityById(incoming[0].Source) : null;
        if (task is null || task.Type != ActivityTypes.UnitTask || incoming[0].Outcome != Outcomes.Done)
        {
            check.Error(ValidationCodes.ReviewNotAfterTask, new ErrorMessage(ErrorCodes.WorkflowReviewNotAfterTask, review.Id));
            task = null;
        }

        var returned = check.Definition.Connections.Where(c => c.Source == review.Id && c.Outcome == Outcomes.Returned).ToList();
        if (returned.Count == 0)
        {
            check.Error(ValidationCodes.ReviewMissingReturn, new ErrorMessage(ErrorCodes.WorkflowReviewMissingReturn, review.Id));
        }
        else if (task is not null && returned.Any(c => c.Target != task.Id))
        {
            check.Error(ValidationCodes.ReviewReturnMismatch,
                new ErrorMessage(ErrorCodes.WorkflowReviewReturnMismatch, review.Id, returned.First(c => c.Target != task.Id).Target, task.Id));
        }
    }

    /// <summary>Reached any other way than through its task's completion, a Review has nothing to review.</summary>
    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.FollowAsync(Outcomes.Accepted, cancellationToken);
}
