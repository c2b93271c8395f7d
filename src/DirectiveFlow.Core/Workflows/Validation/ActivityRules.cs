using System.Text.Json.Nodes;
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
                errors.AddForActivity(i, ValidationCodes.InvalidProperties, $"{activity.Type} '{activity.Id}': {e.Message}",
                    $"{activity.Type} '{activity.Id}': thuộc tính không hợp lệ ({e.Message}).", path);
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
                    errors.AddForActivity(i, ValidationCodes.MissingDeadline, $"UnitTask '{activity.Id}' has no deadline; every task needs one.",
                        $"Nhiệm vụ '{activity.Id}' chưa có thời hạn; mọi nhiệm vụ đều phải có thời hạn.", "/properties/deadline");
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
                CheckPort(i, activity, Outcomes.Each, ValidationCodes.CascadeMissingEach, "body", "phần thân");
                CheckPort(i, activity, Outcomes.Done, ValidationCodes.CascadeMissingDone, "continuation", "bước tiếp theo");
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
            errors.AddForActivity(i, ValidationCodes.UnknownInput, $"Input '{input}' is not declared in the flow's inputs.",
                $"Tham số đầu vào '{input}' chưa được khai báo trong quy trình.", path);
        }
    }

    private void CheckPort(int i, ActivityDefinition activity, string outcome, string code, string what, string whatVi)
    {
        if (!definition.Connections.Any(c => c.Source == activity.Id && c.Outcome == outcome))
        {
            errors.AddForActivity(i, code, $"Cascade '{activity.Id}' has no {what}: connect its {outcome} port.",
                $"Bước triển khai '{activity.Id}' chưa có {whatVi}: hãy nối cổng {outcome}.");
        }
    }

    private void CheckReview(int i, ActivityDefinition review)
    {
        var incoming = definition.Connections.Where(c => c.Target == review.Id && index.ContainsKey(c.Source)).ToList();
        var task = incoming.Count == 1 ? definition.Activities[index[incoming[0].Source]] : null;
        if (task is null || task.Type != ActivityTypes.UnitTask || incoming[0].Outcome != Outcomes.Done)
        {
            errors.AddForActivity(i, ValidationCodes.ReviewNotAfterTask,
                $"Review '{review.Id}' must have exactly one incoming connection, from a UnitTask's Done port.",
                $"Bước xem xét '{review.Id}' phải nối từ đúng một cổng Done của một nhiệm vụ đơn vị.");
            task = null;
        }

        var returned = definition.Connections.Where(c => c.Source == review.Id && c.Outcome == Outcomes.Returned).ToList();
        if (returned.Count == 0)
        {
            errors.AddForActivity(i, ValidationCodes.ReviewMissingReturn,
                $"Review '{review.Id}' has no Returned connection; it must lead back to the task it reviews.",
                $"Bước xem xét '{review.Id}' chưa nối cổng Trả lại về nhiệm vụ được xem xét.");
        }
        else if (task is not null && returned.Any(c => c.Target != task.Id))
        {
            errors.AddForActivity(i, ValidationCodes.ReviewReturnMismatch,
                $"Review '{review.Id}' returns to '{returned.First(c => c.Target != task.Id).Target}', not to the task it reviews ('{task.Id}').",
                $"Bước xem xét '{review.Id}' trả lại sai chỗ; phải trả về nhiệm vụ '{task.Id}'.");
        }
    }

    private void CheckCondition(int i, ActivityDefinition activity, string condition)
    {
        if (ConditionEvaluator.CheckSyntax(condition) is { } syntaxError)
        {
            errors.AddForActivity(i, ValidationCodes.ConditionSyntax, $"Decision '{activity.Id}': the condition does not compile: {syntaxError}",
                $"Rẽ nhánh '{activity.Id}': điều kiện không biên dịch được: {syntaxError}", "/properties/condition");
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
                errors.AddForActivity(i, code, $"Decision '{activity.Id}': {result.Error}",
                    $"Rẽ nhánh '{activity.Id}': {result.ErrorVi}", "/properties/condition");
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
