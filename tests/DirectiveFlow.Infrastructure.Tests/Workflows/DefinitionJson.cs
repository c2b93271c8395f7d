using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Tests.Workflows;

/// <summary>Definition JSON for store tests, derived from a shipped flow.</summary>
internal static class DefinitionJson
{
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string Shipped(string file) => File.ReadAllText(Path.Combine(ShippedFolder, file));

    /// <summary>The council supervision flow under another id and name.</summary>
    public static string Sample(string id = "sample-flow", string name = "Quy trình mẫu")
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(Shipped("council-supervision.json"));
        definition.Id = id;
        definition.Name = name;
        return WorkflowDefinitionSerializer.Serialize(definition);
    }

    /// <summary>The sample with its first UnitTask's deadline removed.</summary>
    public static string Invalid(string id = "sample-flow")
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(Sample(id));
        definition.Activities.First(a => a.Type == "UnitTask").Properties.Remove("deadline");
        return WorkflowDefinitionSerializer.Serialize(definition);
    }

    public static string Renamed(string json, string name)
    {
        var node = JsonNode.Parse(json)!;
        node["name"] = name;
        return node.ToJsonString();
    }
}
