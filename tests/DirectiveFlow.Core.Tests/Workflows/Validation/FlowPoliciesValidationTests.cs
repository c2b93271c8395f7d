using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>
/// The flow-wide policies are refused when the flow is validated, at their path: a ladder out of order was published,
/// then every directive issued on it failed with a 500 when the engine read the policies.
/// </summary>
public sealed class FlowPoliciesValidationTests
{
    private readonly WorkflowValidator _validator = new();

    [Fact]
    public void A_flow_wide_escalation_ladder_out_of_order_is_refused_at_its_step()
    {
        var flow = Valid();
        flow.Policies = new JsonObject
        {
            ["escalation"] = new JsonObject
            {
                ["steps"] = new JsonArray(
                    new JsonObject { ["afterWorkingDays"] = 5, ["to"] = "unitHead" },
                    new JsonObject { ["afterWorkingDays"] = 1, ["to"] = "parentHead" }),
            },
        };

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.InvalidPolicies, null, "/policies/escalation/steps/1/afterWorkingDays"), (error.Code, error.ActivityId, error.Path));
        Assert.Equal("The flow's policies: policies.escalation.steps[1].afterWorkingDays: the steps must be in increasing order.", error.Message);
        Assert.StartsWith("Chính sách chung của quy trình: ", error.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_wide_ladder_in_order_is_valid()
    {
        var flow = Valid();
        flow.Policies = new JsonObject
        {
            ["escalation"] = new JsonObject
            {
                ["steps"] = new JsonArray(
                    new JsonObject { ["afterWorkingDays"] = 1, ["to"] = "unitHead" },
                    new JsonObject { ["afterWorkingDays"] = 5, ["to"] = "parentHead" }),
            },
        };

        Assert.Empty(_validator.Validate(flow).Errors);
    }

    [Theory]
    [InlineData("reminders", """{"beforeWorkingDays": [999999999]}""", "/policies/reminders/beforeWorkingDays/0")]
    [InlineData("escalation", """{"steps": [{"afterWorkingDays": 999999999, "to": "unitHead"}]}""", "/policies/escalation/steps/0/afterWorkingDays")]
    [InlineData("acknowledge", """{"remindAfterWorkingDays": 999999999}""", "/policies/acknowledge/remindAfterWorkingDays")]
    public void A_flow_wide_day_count_beyond_the_limit_is_refused_at_its_path_naming_the_limit(string policy, string json, string path)
    {
        var flow = Valid();
        flow.Policies = new JsonObject { [policy] = JsonNode.Parse(json) };

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains("2600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_day_count_beyond_the_limit_is_refused_at_its_path_naming_the_limit()
    {
        var flow = Valid();
        flow.Get("task").Properties["reminders"] = new JsonObject { ["beforeWorkingDays"] = new JsonArray(999_999_999) };

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal(("task", "/activities/2/properties/reminders/beforeWorkingDays/0"), (error.ActivityId, error.Path));
        Assert.Contains("2600", error.Message, StringComparison.Ordinal);
    }
}
