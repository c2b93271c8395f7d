using System.Text.Json;
using Json.Schema;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>The JSON Schema of definitions (<c>workflows/schema/workflow-definition.schema.json</c>, embedded).</summary>
public static class WorkflowSchema
{
    private const string ResourceName = "DirectiveFlow.Core.Workflows.Validation.workflow-definition.schema.json";
    private static readonly Lazy<string> LazyText = new(ReadText);
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(LazyText.Value));

    /// <summary>The schema file's text, as shipped.</summary>
    public static string Text => LazyText.Value;

    public static JsonSchema Schema => LazySchema.Value;

    /// <summary>Schema errors as (JSON Pointer, message); alternatives of a failed oneOf are summarised, not listed.</summary>
    public static IReadOnlyList<(string Pointer, string Message)> Evaluate(JsonElement instance)
    {
        // The flag check is cheap; the detailed walk runs only for an invalid definition.
        if (Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var results = Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<(string, string)>();
        Collect(results, errors);
        return errors.Distinct().ToList();
    }

    private static void Collect(EvaluationResults node, List<(string, string)> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        if (node.Errors is { Count: > 0 } own)
        {
            foreach (var (_, message) in own)
            {
                errors.Add((pointer, message));
            }

            if (own.ContainsKey("oneOf") || own.ContainsKey("anyOf"))
            {
                return;
            }
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    private static string ReadText()
    {
        using var stream = typeof(WorkflowSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
