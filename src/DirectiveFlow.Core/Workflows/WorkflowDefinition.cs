using System.Text.Json.Serialization;

namespace DirectiveFlow.Core.Workflows;

/// <summary>
/// A workflow definition as authored in the studio or shipped in <c>workflows/</c>: activities, the connections
/// between their outcome ports, the directive inputs it expects, flow-wide policies and who may issue it. Serialised as camelCase JSON.
/// </summary>
public sealed class WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; set; }

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    public List<WorkflowInput> Inputs { get; set; } = [];

    public List<ActivityDefinition> Activities { get; set; } = [];

    public List<ConnectionDefinition> Connections { get; set; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.Nodes.JsonObject? Policies { get; set; }

    /// <summary>Who may issue the flow; null means any unit (see <see cref="WorkflowIssuers"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WorkflowIssuers? Issuers { get; set; }
}
