using System.Globalization;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Components.Directives;

/// <summary>Turns the text typed for a flow's inputs into the JSON the engine reads, and the defaults back into text.</summary>
public static class FlowInputValues
{
    /// <summary>The one input the directive form sets from its own priority field.</summary>
    public const string PriorityInput = "priority";

    private static readonly char[] Separators = [',', ';', '\n'];

    public static JsonObject ToJson(IReadOnlyList<WorkflowInput> inputs, IReadOnlyDictionary<string, string?> typed)
    {
        var json = new JsonObject();
        // The items input is the item editor's (Items/ItemEditorForm).
        foreach (var input in inputs.Where(i => i.Name != PriorityInput && i.Type != Items.ItemEditorState.InputType))
        {
            var text = typed.GetValueOrDefault(input.Name)?.Trim();
            if (input.Type == "boolean")
            {
                json[input.Name] = text is "true" or "on";
                continue;
            }

            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            json[input.Name] = input.Type switch
            {
                "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                "date" when UiFormat.ParseDay(text) is { } day => JsonValue.Create(UiFormat.IsoDay(day)),
                "unit" when input.Default is JsonArray || text.IndexOfAny(Separators) >= 0 =>
                    new JsonArray(text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(code => (JsonNode?)JsonValue.Create(code)).ToArray()),
                _ => JsonValue.Create(text),
            };
        }

        return json;
    }

    /// <summary>A date input's text as the form shows it: dd/MM/yyyy, in both languages (the JSON carries yyyy-MM-dd).</summary>
    public static string? ShownDate(string? text) => UiFormat.ParseDay(text) is { } day ? UiFormat.Date(day) : text;

    /// <summary>A day as officials type it (dd/MM/yyyy, d/M/yyyy) or as JSON carries it (yyyy-MM-dd); null otherwise.</summary>

    public static string DefaultText(WorkflowInput input) => DefaultText(input.Default);

    /// <summary>A default value as the form shows it: codes of a list joined by commas; empty for none.</summary>
    public static string DefaultText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Join(", ", array.Select(v => v?.ToString())),
        var value => value.ToString(),
    };
}
