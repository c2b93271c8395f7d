using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A Decision's JavaScript condition, e.g. <c>inputs.priority === 'Urgent'</c>; it sees <c>inputs</c>,
/// <c>directive</c>, <c>unit</c> and <c>now</c> and must return true or false.</summary>
public sealed record DecisionProperties(string Condition)
{
    public static DecisionProperties From(ActivityDefinition activity) => Read(activity.Properties);

    public static DecisionProperties Read(JsonObject properties)
    {
        var condition = new PropertyReader(properties, "").String("condition");
        return string.IsNullOrWhiteSpace(condition)
            ? throw new ActivityPropertiesException("condition", ErrorCodes.PropertyRequired)
            : new DecisionProperties(condition);
    }
}
