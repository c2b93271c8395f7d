using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The summary pieces several activity types share (a deadline, a unit selector), read tolerantly: the studio
/// shows summaries of properties still being edited.</summary>
public static class SummaryText
{
    public static ActivityText Deadline(JsonObject? deadline) =>
        Int(deadline, "workingDays") is { } days ? ActivityText.Of("Summary.WorkingDays", days)
        : Text(deadline, "duration") is { } duration ? ActivityText.Same(duration)
        : Text(deadline, "input") is { } input ? ActivityText.Of("Summary.FromInput", input)
        : ActivityText.Of("Summary.NoDeadline");

    public static ActivityText Selector(JsonObject? selector)
    {
        var all = ActivityText.Of("Summary.AllUnits");
        if (selector is null)
        {
            return all;
        }

        var parts = new List<ActivityText>();
        if (Text(selector, "counterpartsOf") is { } of)
        {
            parts.Add(ActivityText.Of("Summary.CounterpartsOf", of));
        }

        if (Text(selector, "childrenOf") is { } parent)
        {
            parts.Add(ActivityText.Of("Summary.ChildrenOf", parent));
        }

        if (Strings(selector, "units") is { Count: > 0 } units)
        {
            parts.Add(units.Count <= 2 ? ActivityText.Same(string.Join(", ", units)) : ActivityText.Of("Summary.UnitCount", units.Count));
        }

        if (Text(selector, "input") is { } input)
        {
            parts.Add(ActivityText.Of("Summary.FromInput", input));
        }

        if (Text(selector, "items") is { } items)
        {
            parts.Add(ActivityText.Of("Summary.FromItems", items));
        }

        parts.AddRange(Strings(selector, "pillars").Concat(Strings(selector, "levels")).Select(ActivityText.Same));
        return parts.Count == 0 ? all : ActivityText.Join(" · ", parts);
    }

    public static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static JsonObject? Object(JsonObject? o, string key) => o?[key] as JsonObject;

    private static int? Int(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i
        : o?[key] is JsonValue d && d.GetValueKind() == JsonValueKind.Number ? (int)d.GetValue<double>() : null;

    private static List<string> Strings(JsonObject? o, string key) =>
        o?[key] is JsonArray a ? a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList() : [];
}
