using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DirectiveFlow.Core.Workflows;

/// <summary>One activity of a definition. <see cref="Properties"/> hold the type-specific settings as authored.</summary>
public sealed class ActivityDefinition
{
    public string Id { get; set; } = "";

    /// <summary>Start, UnitTask, Cascade, Review, Decision, Delay, Notify or End.</summary>
    public string Type { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Position? Position { get; set; }

    public JsonObject Properties { get; set; } = [];
}
