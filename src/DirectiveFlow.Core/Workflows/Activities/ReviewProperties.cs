using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A Review's settings: optional instructions to the reviewer (the assigner of the task it follows).</summary>
public sealed record ReviewProperties(string? Instructions)
{
    public static ReviewProperties From(ActivityDefinition activity) => Read(activity.Properties);

    public static ReviewProperties Read(JsonObject properties) => new(new PropertyReader(properties, "").String("instructions"));
}
