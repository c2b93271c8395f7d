using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio;

/// <summary>The definition JSON the studio reads and writes: camelCase, enums as strings, Vietnamese kept readable.</summary>
public static class StudioJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("The JSON is null, not a definition.");

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
