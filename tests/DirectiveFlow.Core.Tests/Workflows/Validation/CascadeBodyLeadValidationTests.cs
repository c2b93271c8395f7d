using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>
/// A task inside a cascade's branch goes to the branch's unit, whatever lead it names: a lead set there was published
/// and then silently ignored at run time. It is refused when the flow is validated, at the task's lead.
/// </summary>
public sealed class CascadeBodyLeadValidationTests
{
    private readonly WorkflowValidator _validator = new();

    [Theory]
    [InlineData("carry-out", "ward-counterparts", """{"units": ["01-COMMITTEE"]}""")] // in the nested cascade's branch
    [InlineData("action-plan", "city-pillars", """{"counterpartsOf": "branch"}""")] // in the outer cascade's branch
    [InlineData("plan-report", "city-pillars", "{}")] // after the nested cascade, still in the outer branch
    public void A_lead_on_a_task_in_a_branch_is_refused_at_its_lead(string taskId, string cascadeId, string lead)
    {
        var flow = PartyConclusion();
        flow.Get(taskId).Properties["lead"] = JsonNode.Parse(lead);

        var error = Assert.Single(_validator.Validate(flow).Errors);

        var index = flow.Activities.FindIndex(a => a.Id == taskId);
        Assert.Equal((ValidationCodes.CascadeBodyLead, taskId, $"/activities/{index}/properties/lead"), (error.Code, error.ActivityId, error.Path));
        Assert.Equal($"Step '{taskId}' sits in a branch of step '{cascadeId}', so its task goes to the branch's unit: remove its lead unit (it would be ignored).",
            error.Message);
        Assert.StartsWith($"Bước '{taskId}' nằm trong nhánh của bước '{cascadeId}'", error.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_on_a_task_outside_every_branch_is_valid()
    {
        var flow = WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("council-supervision.json"));

        var result = _validator.Validate(flow);

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
        Assert.Contains(flow.Activities, a => a.Type == "UnitTask" && a.Properties["lead"] is not null);
    }

    private static WorkflowDefinition PartyConclusion() => WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("party-conclusion.json"));
}
