using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Runs a Decision's condition in the sandboxed evaluator with what the model says it sees. A condition that fails
/// or hits a limit faults the flow with the evaluator's message instead of hanging or guessing.
/// </summary>
public sealed class DecisionRunner(ConditionEvaluator evaluator)
{
    public async Task<bool> EvaluateAsync(FlowStep step, ActivityDefinition activity, FlowScope scope, CancellationToken cancellationToken)
    {
        ConditionUnit? unit = null;
        if (scope.UnitId is { } unitId)
        {
            var target = await SelectorResolver.UnitAsync(step.Db, unitId, cancellationToken);
            unit = new ConditionUnit(target.Code, target.Name, OrgUnit.PillarCode(target.Pillar), UnitVocabulary.NameOf(target.Level));
        }

        var directive = new ConditionDirective(step.Directive.Number, step.Directive.Title, step.Directive.Priority.ToString());
        var condition = step.Flow.Properties<DecisionProperties>(activity.Id).Condition;
        var result = evaluator.Evaluate(condition, new ConditionContext(step.Directive.Inputs, directive, unit, step.Now));
        return result.IsSuccess
            ? result.Value
            : throw new FlowFaultException($"Decision '{activity.Id}': {result.Error}");
    }
}
