using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>The ports of the engine's activities as the engine model defines them.</summary>
public sealed class CatalogActivityPorts : IActivityPorts
{
    private static readonly Dictionary<string, string[]> Fixed = new(StringComparer.Ordinal)
    {
        ["Start"] = ["Done"],
        ["UnitTask"] = ["Done"],
        ["Cascade"] = ["Each", "Done"],
        ["Review"] = ["Accepted", "Returned"],
        ["Decision"] = ["True", "False"],
        ["Delay"] = ["Done"],
        ["Notify"] = ["Done"],
        ["End"] = [],
    };

    public bool HasInput(string activityType) => activityType != "Start";

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
    {
        var outcomes = Fixed.TryGetValue(activity.Type, out var known) ? known.ToList() : [];
        if (activity.Type == "UnitTask" && activity.Properties["outcomes"] is JsonArray extra)
        {
            foreach (var name in extra.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>())
            {
                if (!outcomes.Contains(name, StringComparer.Ordinal))
                {
                    outcomes.Add(name);
                }
            }
        }

        return outcomes;
    }
}
