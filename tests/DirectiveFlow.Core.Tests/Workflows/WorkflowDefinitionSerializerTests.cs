using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Core.Tests.Workflows;

public sealed class WorkflowDefinitionSerializerTests
{
    [Theory]
    [MemberData(nameof(ShippedWorkflows.Names), MemberType = typeof(ShippedWorkflows))]
    public void Shipped_file_round_trips_byte_for_byte(string name)
    {
        var text = ShippedWorkflows.Read(name);

        var written = WorkflowDefinitionSerializer.Serialize(WorkflowDefinitionSerializer.Deserialize(text));

        Assert.Equal(text, written);
    }

    [Fact]
    public void Output_is_camel_case_with_unescaped_Vietnamese_and_a_final_newline()
    {
        var json = WorkflowDefinitionSerializer.Serialize(SampleFlows.Valid());

        Assert.Contains("\"activities\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Mẫu\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_turns_compact_json_into_the_canonical_form()
    {
        var canonical = WorkflowDefinitionSerializer.Serialize(SampleFlows.Valid());
        var compact = System.Text.Json.Nodes.JsonNode.Parse(canonical)!.ToJsonString();

        Assert.NotEqual(canonical, compact);
        Assert.Equal(canonical, WorkflowDefinitionSerializer.Normalize(compact));
    }
}
