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
        "Notify" => L("Studio.To2") + (JsonEdit.Text(properties, "to") ?? "?"),
        _ => "",
    };

    public static string Deadline(JsonObject? deadline) =>
        JsonEdit.Int(deadline, "workingDays") is { } days ? L("Studio.0WorkingDays", days)
        : JsonEdit.Text(deadline, "duration") is { } duration ? duration
        : JsonEdit.Text(deadline, "input") is { } input ? L("Studio.FromInput0", input)
        : L("Studio.NoDeadline");

    public static string Selector(JsonObject? selector)
    {
        if (selector is null)
        {
            return L("Studio.AllUnits");
        }

        var parts = new List<string>();
        if (JsonEdit.Text(selector, "counterpartsOf") is { } of)
        {
            parts.Add(L("Studio.CounterpartsOf0", of));
        }

        if (JsonEdit.Text(selector, "childrenOf") is { } parent)
        {
            parts.Add(L("Studio.ChildrenOf0", parent));
        }

        if (JsonEdit.Strings(selector, "units") is { Count: > 0 } units)
        {
            parts.Add(units.Count <= 2 ? string.Join(", ", units) : L("Studio.0Units", units.Count));
        }

        if (JsonEdit.Text(selector, "input") is { } input)
        {
            parts.Add(L("Studio.FromInput0", input));
        }

        parts.AddRange(JsonEdit.Strings(selector, "pillars"));
        parts.AddRange(JsonEdit.Strings(selector, "levels"));
        return parts.Count == 0 ? L("Studio.AllUnits") : string.Join(" · ", parts);
    }
}
