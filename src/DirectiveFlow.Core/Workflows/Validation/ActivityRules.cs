using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>The per-type rules: readable properties, deadlines, declared inputs, Review placement, Cascade ports, conditions.</summary>
internal sealed class ActivityRules(WorkflowDefinition definition, ErrorList errors, ConditionEvaluator conditions, Dictionary<string, int> index)
{
    private static readonly string[] SamplePriorities = ["Normal", "Urgent", "Immediate"];

    private readonly HashSet<string> _inputs = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);

    public void Run()
    {
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            try
            {
                Check(i, activity);
            }
            catch (ActivityPropertiesException e) when (!errors.HasErrorUnder($"/activities/{i}/properties"))
            {
                var path = e.Path is null ? "/properties" : "/properties/" + e.Path.Replace('.', '/');
                errors.AddForActivity(i, ValidationCodes.InvalidProperties,
                    new ErrorMessage(ErrorCodes.WorkflowProperties, activity.Type, activity.Id, e.Message), path);
            }
            catch (ActivityPropertiesException)
            {
                // the schema already reported what is wrong with these properties
            }
        }
    }

    private void Check(int i, ActivityDefinition activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.UnitTask:
                var task = UnitTaskProperties.From(activity);
                if (task.Deadline is null)
                {
                    errors.AddForActivity(i, ValidationCodes.MissingDeadline,
                        new ErrorMessage(ErrorCodes.WorkflowMissingDeadline, activity.Id), "/properties/deadline");
                }

                CheckInput(i, task.Deadline?.Input, "/properties/deadline/input");
                CheckInput(i, task.Lead?.Input, "/properties/lead/input");
                CheckInput(i, task.Supporting?.Input, "/properties/supporting/input");
                CheckInput(i, task.Cadence.Input, "/properties/cadence/input");
                break;
            case ActivityTypes.Cascade:
                var cascade = CascadeProperties.From(activity);
                CheckInput(i, cascade.Targets.Input, "/properties/targets/input");
                CheckInput(i, cascade.Completion.Deadline?.Input, "/properties/completion/deadline/input");
                CheckPort(i, activity, Outcomes.Each, ValidationCodes.CascadeMissingEach, ErrorCodes.WorkflowCascadeMissingEach);
                CheckPort(i, activity, Outcomes.Done, ValidationCodes.CascadeMissingDone, ErrorCodes.WorkflowCascadeMissingDone);
                break;
            case ActivityTypes.Review:
                ReviewProperties.From(activity);
                CheckReview(i, activity);
                break;
            case ActivityTypes.Decision:
                CheckCondition(i, activity, DecisionProperties.From(activity).Condition);
                break;
            case ActivityTypes.Delay:
                CheckInput(i, DelayProperties.From(activity).Deadline.Input, "/properties/deadline/input");
                break;
            case ActivityTypes.Notify:
                NotifyProperties.From(activity);
                break;
        }
    }

    private void CheckInput(int i, string? input, string path)
    {
        if (input is not null && !_inputs.Contains(input))
        {
            errors.AddForActivity(i, ValidationCodes.UnknownInput, new ErrorMessage(ErrorCodes.WorkflowUnknownInput, input), path);
        }
    }

    private void CheckPort(int i, ActivityDefinition activity, string outcome, string code, string messageCode)
    {
        if (!definition.Connections.Any(c => c.Source == activity.Id && c.Outcome == outcome))
        {
            errors.AddForActivity(i, code, new ErrorMessage(messageCode, activity.Id, outcome));
        }
    }

    private void CheckReview(int i, ActivityDefinition review)
    {
        var incoming = definition.Connections.Where(c => c.Target == review.Id && index.ContainsKey(c.Source)).ToList();
        var task = incoming.Count == 1 ? definition.Activities[index[incoming[0].Source]] : null;
        if (task is null || task.Type != ActivityTypes.UnitTask || incoming[0].Outcome != Outcomes.Done)
        {
            errors.AddForActivity(i, ValidationCodes.ReviewNotAfterTask, new ErrorMessage(ErrorCodes.WorkflowReviewNotAfterTask, review.Id));
            task = null;
        }

        var returned = definition.Connections.Where(c => c.Source == review.Id && c.Outcome == Outcomes.Returned).ToList();
        if (returned.Count == 0)
        {
            errors.AddForActivity(i, ValidationCodes.ReviewMissingReturn, new ErrorMessage(ErrorCodes.WorkflowReviewMissingReturn, review.Id));
        }
        else if (task is not null && returned.Any(c => c.Target != task.Id))
        {
            errors.AddForActivity(i, ValidationCodes.ReviewReturnMismatch,
                new ErrorMessage(ErrorCodes.WorkflowReviewReturnMismatch, review.Id, returned.First(c => c.Target != task.Id).Target, task.Id));
        }
    }

    private void CheckCondition(int i, ActivityDefinition activity, string condition)
    {
        if (ConditionEvaluator.CheckSyntax(condition) is { } syntaxError)
        {
            errors.AddForActivity(i, ValidationCodes.ConditionSyntax,
                new ErrorMessage(ErrorCodes.WorkflowConditionSyntax, activity.Id, syntaxError), "/properties/condition");
            return;
        }

        // Run as issuing runs it (same sandbox, same limits) on a directive of each priority: a condition that runs away
        // or leaves the sandbox on any of them is refused now rather than faulting the first directive that reaches it.
        foreach (var priority in SamplePriorities)
        {
            var result = conditions.Evaluate(condition, SampleContext(priority));
            if (result.CanNeverRun)
            {
                var code = result.IsLimitExceeded ? ValidationCodes.ConditionRunaway : ValidationCodes.ConditionSandbox;
                errors.AddForActivity(i, code, new ErrorMessage(ErrorCodes.WorkflowCondition, activity.Id, result.Problem), "/properties/condition");
                return;
            }
        }
    }

    /// <summary>A plausible directive to try a condition on: the inputs' defaults, the given priority, a ward unit.</summary>
    private ConditionContext SampleContext(string priority)
    {
        var inputs = new JsonObject();
        foreach (var input in definition.Inputs)
        {
            inputs[input.Name] = input.Default?.DeepClone();
        }

        inputs["priority"] ??= priority;
        return new ConditionContext(inputs, new ConditionDirective("01/KH-UBND", "Thử điều kiện", priority),
            new ConditionUnit("00070-COMMITTEE", "UBND phường Hoàn Kiếm", "COMMITTEE", "commune"),
            new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));
    }
}
