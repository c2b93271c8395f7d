using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Tests.Studio.Mapping;

public sealed class WorkflowDiagramMapperTests
{
    private readonly WorkflowDiagramMapper _mapper = new(new CatalogActivityPorts(ActivityCatalog.BuiltIn));

    public static TheoryData<string> ShippedWorkflows()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(ReferenceData.RepositoryRoot, "workflows");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedWorkflows))]
    public void Every_shipped_workflow_maps_to_a_diagram_and_back_unchanged(string fileName)
    {
        var json = File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot, "workflows", fileName));
        var original = WorkflowDefinitionSerializer.Deserialize(json);

        var diagram = _mapper.ToDiagram(original);
        var back = _mapper.ToDefinition(diagram);

        Assert.Equal(original.Activities.Count, diagram.Nodes.Count);
        Assert.Equal(original.Connections.Count, diagram.Links.Count);
        Assert.Equal(WorkflowDefinitionSerializer.Serialize(original), WorkflowDefinitionSerializer.Serialize(back));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(WorkflowDefinitionSerializer.Serialize(back))), "the file's own JSON differs after the round trip");
    }

    [Fact]
    public void Nodes_get_one_port_per_catalog_outcome_and_links_follow_connections()
    {
        var diagram = _mapper.ToDiagram(Sample());

        Assert.Equal(["Each", "Done"], diagram.FindNode("cascade")!.OutcomePorts);
        Assert.Equal(["Done", "Escalated"], diagram.FindNode("task")!.OutcomePorts);
        Assert.Equal(["Accepted", "Returned"], diagram.FindNode("review")!.OutcomePorts);
        Assert.False(diagram.FindNode("start")!.HasInputPort);
        Assert.True(diagram.FindNode("end")!.HasInputPort);
        Assert.Contains(new DiagramLink("review", "Returned", "task"), diagram.Links);
    }

    [Fact]
    public void A_connection_from_an_outcome_the_catalog_does_not_know_still_gets_its_port_so_nothing_is_lost()
    {
        var definition = Sample();
        definition.Connections.Add(new ConnectionDefinition { Source = "start", Outcome = "Bogus", Target = "end" });

        var diagram = _mapper.ToDiagram(definition);

        Assert.Equal(["Done", "Bogus"], diagram.FindNode("start")!.OutcomePorts);
        Assert.Equal(WorkflowDefinitionSerializer.Serialize(definition), WorkflowDefinitionSerializer.Serialize(_mapper.ToDefinition(diagram)));
    }

    [Fact]
    public void Nodes_without_a_position_are_laid_out_for_display_but_map_back_without_one()
    {
        var definition = Sample();
        foreach (var activity in definition.Activities)
        {
            activity.Position = null;
        }

        var diagram = _mapper.ToDiagram(definition);

        Assert.All(diagram.Nodes, n => Assert.False(n.IsPlaced));
        Assert.True(diagram.FindNode("cascade")!.X > diagram.FindNode("start")!.X, "the cascade is laid out right of the start");
        Assert.All(_mapper.ToDefinition(diagram).Activities, a => Assert.Null(a.Position));
    }

    [Fact]
    public void Moving_a_node_writes_its_new_position_and_leaves_the_rest()
    {
        var diagram = _mapper.ToDiagram(Sample());

        diagram.FindNode("review")!.MoveTo(900, 420);
        var back = _mapper.ToDefinition(diagram);

        Assert.Equal(new Position(900, 420), back.Activities.Single(a => a.Id == "review").Position);
        Assert.Equal(new Position(40, 40), back.Activities.Single(a => a.Id == "start").Position);
    }

    [Fact]
    public void The_diagram_owns_copies_so_editing_it_leaves_the_source_definition_alone()
    {
        var definition = Sample();
        var diagram = _mapper.ToDiagram(definition);

        diagram.FindNode("task")!.Properties["title"] = "changed";
        diagram.Header.Policies!["reminders"] = null;

        Assert.Equal("Thực hiện {{directive.title}}", definition.Activities.Single(a => a.Id == "task").Properties["title"]!.GetValue<string>());
        Assert.NotNull(definition.Policies!["reminders"]);
    }

    internal static WorkflowDefinition Sample() => WorkflowDefinitionSerializer.Deserialize("""
        {
          "id": "sample", "name": "Mẫu", "description": "Thử",
          "inputs": [{ "name": "deadlineDays", "type": "number", "required": true, "default": 5 }],
          "activities": [
            { "id": "start", "type": "Start", "position": { "x": 40, "y": 40 }, "properties": {} },
            { "id": "cascade", "type": "Cascade", "name": "Đến phường", "position": { "x": 320, "y": 40 },
              "properties": { "targets": { "counterpartsOf": "issuer" }, "completion": { "mode": "all" } } },
            { "id": "task", "type": "UnitTask", "position": { "x": 600, "y": 40 },
              "properties": { "title": "Thực hiện {{directive.title}}", "deadline": { "workingDays": 5 }, "outcomes": ["Done", "Escalated"] } },
            { "id": "review", "type": "Review", "position": { "x": 880, "y": 40 }, "properties": {} },
            { "id": "end", "type": "End", "position": { "x": 1160, "y": 40 }, "properties": {} }
          ],
          "connections": [
            { "source": "start", "outcome": "Done", "target": "cascade" },
            { "source": "cascade", "outcome": "Each", "target": "task" },
            { "source": "task", "outcome": "Done", "target": "review" },
            { "source": "review", "outcome": "Returned", "target": "task" },
            { "source": "cascade", "outcome": "Done", "target": "end" }
          ],
          "policies": { "reminders": { "beforeWorkingDays": [2, 1] } }
        }
        """);
}
