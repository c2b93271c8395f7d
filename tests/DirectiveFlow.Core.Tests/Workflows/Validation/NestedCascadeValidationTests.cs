using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>
/// A cascade inside another cascade's branch runs once per branch, so its targets must follow the branch's unit: with
/// the studio's default (counterparts of the issuer) every branch gave the same wards the same tasks, a unique-index
/// failure on PostgreSQL (the whole issue a 500) and a directive stuck for ever on SQLite.
/// </summary>
public sealed class NestedCascadeValidationTests
{
    private readonly WorkflowValidator _validator = new();

    [Theory]
    [InlineData("""{"counterpartsOf": "issuer"}""")]
    [InlineData("""{"childrenOf": "01-COMMITTEE"}""")]
    [InlineData("""{"units": ["01-COMMITTEE"]}""")]
    [InlineData("""{"levels": ["commune"]}""")]
    public void A_nested_cascade_whose_targets_do_not_follow_the_branch_is_refused_at_its_targets(string targets)
    {
        var flow = PartyConclusionWith(targets);

        var error = Assert.Single(_validator.Validate(flow).Errors);

        var index = flow.Activities.FindIndex(a => a.Id == "ward-counterparts");
        Assert.Equal((ValidationCodes.CascadeNestedTargets, "ward-counterparts", $"/activities/{index}/properties/targets"), (error.Code, error.ActivityId, error.Path));
        Assert.Contains("city-pillars", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"counterpartsOf": "branch"}""")]
    [InlineData("""{"childrenOf": "branch", "kinds": ["department"]}""")]
    public void A_nested_cascade_that_follows_the_branch_is_valid(string targets)
    {
        var result = _validator.Validate(PartyConclusionWith(targets));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
    }

    [Fact]
    public void A_top_level_cascade_may_target_anything()
    {
        var flow = PartyConclusionWith("""{"counterpartsOf": "branch"}""");
        flow.Get("city-pillars").Properties["targets"] = JsonNode.Parse("""{"counterpartsOf": "issuer"}""");

        Assert.True(_validator.Validate(flow).IsValid);
    }

    private static WorkflowDefinition PartyConclusionWith(string targets)
    {
        var flow = WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("party-conclusion.json"));
        flow.Get("ward-counterparts").Properties["targets"] = JsonNode.Parse(targets);
        return flow;
    }
}
