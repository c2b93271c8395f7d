using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

/// <summary>The JSON Schema beside the shipped flows is written by hand; this keeps it in step with the handlers.</summary>
public sealed class ActivitySchemaCoverageTests
{
    [Fact]
    public void The_schema_constrains_every_activity_type_and_knows_every_field_of_its_descriptor()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath()))!.AsObject();
        var defs = schema["$defs"]!.AsObject();
        var byType = defs["activity"]!["allOf"]!.AsArray()
            .ToDictionary(
                rule => rule!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>(),
                rule => rule!["then"]!["properties"]!["properties"]!["$ref"]!.GetValue<string>().Split('/')[^1]);

        Assert.All(ActivityCatalog.BuiltIn.All, descriptor =>
        {
            Assert.True(byType.TryGetValue(descriptor.Type, out var def), $"The schema has no rule for {descriptor.Type}.");
            var properties = defs[def]!["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
            Assert.Equal(descriptor.Fields.Select(f => f.Name).Order(), properties.Order());
            var required = defs[def]!["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
            Assert.Subset(descriptor.Fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(), required.ToHashSet());
        });
        Assert.Equal(ActivityCatalog.BuiltIn.All.Select(d => d.Type).Order(), byType.Keys.Order());
    }

    private static string SchemaPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DirectiveFlow.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("No DirectiveFlow.sln above the test folder."),
            "workflows", "schema", "workflow-definition.schema.json");
    }
}
