using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>Fills <c>{{directive.title}}</c>, <c>{{directive.number}}</c>, <c>{{unit.name}}</c>, <c>{{unit.code}}</c> and <c>{{inputs.x}}</c>.</summary>
public static partial class TemplateText
{
    public static string Fill(string? template, FlowDocument directive, TargetUnit? unit)
    {
        if (string.IsNullOrEmpty(template) || !template.Contains("{{", StringComparison.Ordinal))
        {
            return template ?? "";
        }

        return Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "directive.title" => directive.Title,
            "directive.number" => directive.Number,
            "unit.name" => unit?.Name ?? "",
            "unit.code" => unit?.Code ?? "",
            var key when key.StartsWith("inputs.", StringComparison.Ordinal) => AsText(directive.Inputs[key[7..]]),
            _ => m.Value,
        });
    }

    /// <summary>Whether the text depends on the unit (so it must be filled per branch).</summary>
    public static bool MentionsUnit(string? template) => template?.Contains("{{unit.", StringComparison.Ordinal) == true;

    private static string AsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
