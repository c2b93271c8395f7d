using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The summary pieces several activity types share (a deadline, a unit selector), read tolerantly: the studio
/// shows summaries of properties still being edited.</summary>
public static class SummaryText
{
    public static ActivityText Deadline(JsonObject? deadline) =>
        Int(deadline, "workingDays") is { } days ? new ActivityText($"{days} ngày làm việc", $"{days} working days")
        : Text(deadline, "duration") is { } duration ? ActivityText.Same(duration)
        : Text(deadline, "input") is { } input ? new ActivityText($"theo đầu vào {input}", $"from input {input}")
        : new ActivityText("chưa có thời hạn", "no deadline");

    public static ActivityText Selector(JsonObject? selector)
    {
        var all = new ActivityText("tất cả đơn vị", "all units");
        if (selector is null)
        {
            return all;
        }

        var parts = new List<ActivityText>();
        if (Text(selector, "counterpartsOf") is { } of)
        {
            parts.Add(new ActivityText($"đơn vị tương ứng của {of}", $"counterparts of {of}"));
        }

        if (Text(selector, "childrenOf") is { } parent)
        {
            parts.Add(new ActivityText($"đơn vị trực thuộc {parent}", $"children of {parent}"));
        }

        if (Strings(selector, "units") is { Count: > 0 } units)
        {
            parts.Add(units.Count <= 2 ? ActivityText.Same(string.Join(", ", units)) : new ActivityText($"{units.Count} đơn vị", $"{units.Count} units"));
        }

        if (Text(selector, "input") is { } input)
        {
            parts.Add(new ActivityText($"theo đầu vào {input}", $"from input {input}"));
        }

        parts.AddRange(Strings(selector, "pillars").Concat(Strings(selector, "levels")).Select(ActivityText.Same));
        return parts.Count == 0
            ? all
            : new ActivityText(string.Join(" · ", parts.Select(p => p.Vi)), string.Join(" · ", parts.Select(p => p.En)));
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
