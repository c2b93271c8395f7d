using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>The per-type rules: each activity's handler reads its properties and checks them (see <see cref="IActivityHandler.Check"/>).</summary>
internal sealed class ActivityRules(
    WorkflowDefinition definition, ErrorList errors, ConditionEvaluator conditions, ActivityCatalog catalog, Dictionary<string, int> index)
{
    private readonly HashSet<string> _inputs = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);

    public void Run()
    {
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            try
            {
                if (catalog.FindHandler(activity.Type) is { } handler)
                {
                    handler.Check(new ActivityCheck(definition, i, handler.ReadProperties(activity), errors, conditions, index, _inputs));
                }
            }
            catch (ActivityPropertiesException e) when (!errors.HasErrorUnder($"/activities/{i}/properties"))
            {
                var path = "/properties" + PropertyPointer.Of(e.Path);
                errors.AddForActivity(i, ValidationCodes.InvalidProperties,
                    new ErrorMessage(ErrorCodes.WorkflowProperties, activity.Type, activity.Id, e.Problem), path);
            }
            catch (ActivityPropertiesException)
            {
                // the schema already reported what is wrong with these properties
            }
        }
    }
}
