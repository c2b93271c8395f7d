using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DirectiveFlow.Core.Workflows;

/// <summary>
/// The one JSON form of a definition: camelCase, enums as strings, two-space indentation, "\n" line ends, a final
/// newline, and Vietnamese text unescaped. Output is stable, so export → import → export gives the same bytes and
/// the shipped files in <c>workflows/</c> are already in this form.
/// </summary>
public static class WorkflowDefinitionSerializer
{
    /// <summary>Options for writing and reading definitions (reading also tolerates comments and trailing commas).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Options for reading raw JSON text into a <see cref="System.Text.Json.Nodes.JsonNode"/> before validation.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    public static string Serialize(WorkflowDefinition definition) =>
        JsonSerializer.Serialize(definition, Options) + "\n";

    /// <summary>Reads a definition; throws <see cref="JsonException"/> when the text is not a definition.</summary>
    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("The JSON is null, not a workflow definition.");

    /// <summary>Re-writes <paramref name="json"/> in the canonical form (e.g. before comparing or storing it).</summary>
    public static string Normalize(string json) => Serialize(Deserialize(json));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
