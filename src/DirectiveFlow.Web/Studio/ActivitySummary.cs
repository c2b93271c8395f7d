using System.Text.Json.Nodes;
using DirectiveFlow.Web.Studio.Editing;
using static DirectiveFlow.Web.Studio.StudioText;

namespace DirectiveFlow.Web.Studio;

/// <summary>The one-line summary a node shows under its name (deadline, targets, condition, …).</summary>
public static class ActivitySummary
{
    public static string Of(string type, JsonObject properties) => type switch
    {
        "UnitTask" => Deadline(JsonEdit.Object(properties, "deadline")),
        "Delay" => Deadline(JsonEdit.Object(properties, "deadline")),
        "Cascade" => Selector(JsonEdit.Object(properties, "targets")),
        "Decision" => JsonEdit.Text(properties, "condition") ?? "",
        "Notify" => L("Gửi: ", "To: ") + (JsonEdit.Text(properties, "to") ?? "?"),
        _ => "",
    };

    public static string Deadline(JsonObject? deadline) =>
        JsonEdit.Int(deadline, "workingDays") is { } days ? L($"{days} ngày làm việc", $"{days} working days")
        : JsonEdit.Text(deadline, "duration") is { } duration ? duration
        : JsonEdit.Text(deadline, "input") is { } input ? L($"theo đầu vào {input}", $"from input {input}")
        : L("chưa có thời hạn", "no deadline");

    public static string Selector(JsonObject? selector)
    {
        if (selector is null)
        {
            return L("tất cả đơn vị", "all units");
        }

        var parts = new List<string>();
        if (JsonEdit.Text(selector, "counterpartsOf") is { } of)
        {
            parts.Add(L($"đơn vị tương ứng của {of}", $"counterparts of {of}"));
        }

        if (JsonEdit.Text(selector, "childrenOf") is { } parent)
        {
            parts.Add(L($"đơn vị trực thuộc {parent}", $"children of {parent}"));
        }

        if (JsonEdit.Strings(selector, "units") is { Count: > 0 } units)
        {
            parts.Add(units.Count <= 2 ? string.Join(", ", units) : L($"{units.Count} đơn vị", $"{units.Count} units"));
        }

        if (JsonEdit.Text(selector, "input") is { } input)
        {
            parts.Add(L($"theo đầu vào {input}", $"from input {input}"));
        }

        parts.AddRange(JsonEdit.Strings(selector, "pillars"));
        parts.AddRange(JsonEdit.Strings(selector, "levels"));
        return parts.Count == 0 ? L("tất cả đơn vị", "all units") : string.Join(" · ", parts);
    }
}
