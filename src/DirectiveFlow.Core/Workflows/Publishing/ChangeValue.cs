using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>A property's value as people read it in a diff: a deadline as "10 ngày làm việc", a flag as có/không,
/// a list joined with commas; anything else as its compact JSON.</summary>
public static class ChangeValue
{
    public static Worded Of(JsonNode? node) => node switch
    {
        null => Worded.Of("Value.Empty"),
        JsonValue value => Scalar(value),
        JsonArray array when array.All(i => i is JsonValue) => array.Count == 0
            ? Worded.Of("Value.Empty")
            : Join(array.Select(i => Scalar((JsonValue)i!))),
        JsonObject o when IsDeadline(o) => Worded.From(SummaryText.Deadline(o)),
        _ => Worded.Same(node.ToJsonString()),
    };

    private static bool IsDeadline(JsonObject o) =>
        o.Count == 1 && (o.ContainsKey("workingDays") || o.ContainsKey("duration") || o.ContainsKey("input"));

    private static Worded Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => Worded.Of("Value.Yes"),
        JsonValueKind.False => Worded.Of("Value.No"),
        JsonValueKind.String => Worded.Same($"«{value.GetValue<string>()}»"),
        JsonValueKind.Number => Worded.Same(value.GetValue<double>().ToString(CultureInfo.InvariantCulture)),
        _ => Worded.Of("Value.Empty"),
    };

    private static Worded Join(IEnumerable<Worded> items)
    {
        var list = items.ToList();
        return new Worded(string.Join(", ", list.Select(i => i.Vi)), string.Join(", ", list.Select(i => i.En)));
    }
}
