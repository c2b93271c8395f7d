using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Expressions;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Decision;

/// <summary>
/// A JavaScript condition chooses the True or the False port. It runs in the sandboxed evaluator with what the model
/// says it sees; a condition that fails or hits a limit faults the flow instead of hanging or guessing.
/// </summary>
public sealed class DecisionActivity : ActivityHandler
{
    private static readonly string[] SamplePriorities = ["Normal", "Urgent", "Immediate"];

    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Decision,
        [Outcomes.True, Outcomes.False], false,
        [new("condition", "Decision.condition", PropertyFieldKind.Expression, Required: true)], IsBlocking: false)
    { Order = 50 };

    public override object? ReadProperties(ActivityDefinition activity) => DecisionProperties.From(activity);

    public override JsonObject StudioDefaults() => new() { ["condition"] = "inputs.priority === 'Urgent'" };

    public override ActivityText Summary(JsonObject properties) => ActivityText.Same(SummaryText.Text(properties, "condition") ?? "");

    public override void Check(ActivityCheck check)
    {
        var id = check.Activity.Id;
        var condition = check.PropertiesAs<DecisionProperties>().Condition;
        if (ConditionEvaluator.CheckSyntax(condition) is { } syntaxError)
        {
            check.Error(ValidationCodes.ConditionSyntax, new ErrorMessage(ErrorCodes.WorkflowConditionSyntax, id, syntaxError),
                "/properties/condition");
            return;
        }

        // Run as issuing runs it (same sandbox, same limits) on a directive of each priority: a condition that runs away
        // or leaves the sandbox on any of them is refused now rather than faulting the first directive that reaches it.
        foreach (var priority in SamplePriorities)
        {
            var result = check.Conditions.Evaluate(condition, SampleContext(check.Definition, priority));
            if (result.CanNeverRun)
            {
                var code = result.IsLimitExceeded ? ValidationCodes.ConditionRunaway : ValidationCodes.ConditionSandbox;
                check.Error(code, new ErrorMessage(ErrorCodes.WorkflowCondition, id, result.Problem), "/properties/condition");
                return;
            }
        }
    }

    public override async Task RunAsync(IActivityRun run, CancellationToken cancellationToken)
    {
        var unit = await run.BranchUnitAsync(cancellationToken);
        var condition = run.Properties<DecisionProperties>().Condition;
        var result = run.Conditions.Evaluate(condition, new ConditionContext(run.Inputs, run.Directive, unit, run.Now));
        if (!result.IsSuccess)
        {
            throw new ActivityFaultException(new ErrorMessage(ErrorCodes.WorkflowCondition, run.Activity.Id, result.Problem));
        }

        var outcome = result.Value ? Outcomes.True : Outcomes.False;
        run.Journal("decision.evaluated", outcome);
        await run.FollowAsync(outcome, cancellationToken);
    }

    /// <summary>A plausible directive to try a condition on: the inputs' defaults, the given priority, a ward unit.</summary>
    private static ConditionContext SampleContext(WorkflowDefinition definition, string priority)
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
