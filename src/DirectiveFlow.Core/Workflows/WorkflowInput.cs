using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DirectiveFlow.Core.Workflows;

/// <summary>A directive input the flow expects (deadline days, priority, …); visible to conditions, deadlines and selectors.</summary>
public sealed class WorkflowInput
{
    /// <summary>The type of an input holding the numbered items of an itemized document.</summary>
    public const string ItemsType = "items";

    public string Name { get; set; } = "";

    /// <summary>string, number, boolean, date, unit or items (the numbered items of an itemized document, see <c>DirectiveItem</c>).</summary>
    public string Type { get; set; } = "string";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; set; }

    public bool Required { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Default { get; set; }
}
