using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Core.Tests.Workflows;

/// <summary>Small definitions that tests break one rule at a time.</summary>
public static class SampleFlows
{
    /// <summary>Start → Cascade(all commune committees) → Each: UnitTask → Review (Returned → task); Done → End.</summary>
    public static WorkflowDefinition Valid() => new()
    {
        Id = "sample",
        Name = "Mẫu",
        Inputs = [new WorkflowInput { Name = "deadlineDays", Type = "number", Required = true, Default = 5 }],
        Activities =
        [
            Activity("start", "Start"),
            Activity("cascade", "Cascade", new JsonObject { ["targets"] = new JsonObject { ["pillars"] = new JsonArray("COMMITTEE"), ["levels"] = new JsonArray("commune") } }),
            Activity("task", "UnitTask", new JsonObject { ["title"] = "Thực hiện", ["deadline"] = new JsonObject { ["input"] = "deadlineDays" } }),
            Activity("review", "Review"),
            Activity("end", "End"),
        ],
        Connections =
        [
            Connect("start", "Done", "cascade"),
            Connect("cascade", "Each", "task"),
            Connect("task", "Done", "review"),
            Connect("review", "Returned", "task"),
            Connect("cascade", "Done", "end"),
        ],
    };

    /// <summary>The valid flow with a Decision on <paramref name="condition"/> after Start: True → the cascade, False → End.</summary>
    public static WorkflowDefinition WithDecision(string condition)
    {
        var flow = Valid();
        flow.Activities.Insert(1, Activity("decide", "Decision", new JsonObject { ["condition"] = condition }));
        flow.Connections[0] = Connect("start", "Done", "decide");
        flow.Connections.Add(Connect("decide", "True", "cascade"));
        flow.Connections.Add(Connect("decide", "False", "end"));
        return flow;
    }

    public static ActivityDefinition Activity(string id, string type, JsonObject? properties = null) =>
        new() { Id = id, Type = type, Name = id, Properties = properties ?? [] };

    public static ConnectionDefinition Connect(string source, string outcome, string target) =>
        new() { Source = source, Outcome = outcome, Target = target };

    public static ActivityDefinition Get(this WorkflowDefinition definition, string id) => definition.Activities.Single(a => a.Id == id);
}
