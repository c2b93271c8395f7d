using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

/// <summary>
/// Day counts in reminder, escalation and acknowledgement policies stop at <see cref="InputLimits.MaxWorkingDays"/>:
/// "after 999999999 working days" made the due-work sweep walk the calendar for millions of days and fail every minute.
/// </summary>
public sealed class PolicyDayLimitsTests
{
    public static TheoryData<string, string> TooManyDays => new()
    {
        { """{"reminders": {"beforeWorkingDays": [2, 999999999]}}""", "policies.reminders.beforeWorkingDays[1]" },
        { """{"escalation": {"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, {"afterWorkingDays": 2601, "to": "parentHead"}]}}""", "policies.escalation.steps[1].afterWorkingDays" },
        { """{"acknowledge": {"remindAfterWorkingDays": 999999999}}""", "policies.acknowledge.remindAfterWorkingDays" },
        { """{"acknowledge": {"escalateAfterWorkingDays": 2601}}""", "policies.acknowledge.escalateAfterWorkingDays" },
        { """{"acknowledge": {"escalateAfterWorkingDays": 0}}""", "policies.acknowledge.escalateAfterWorkingDays" },
    };

    [Theory]
    [MemberData(nameof(TooManyDays))]
    public void A_day_count_beyond_the_limit_is_refused_at_its_path_naming_the_limit(string policies, string path)
    {
        var error = Assert.Throws<ActivityPropertiesException>(() =>
            FlowPolicies.From(new() { Policies = JsonNode.Parse(policies)!.AsObject() }));

        Assert.Equal(path, error.Path);
        Assert.EndsWith($" to {InputLimits.MaxWorkingDays}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_itself_is_accepted()
    {
        var flow = FlowPolicies.From(new()
        {
            Policies = JsonNode.Parse("""
                {"reminders": {"beforeWorkingDays": [2600]}, "escalation": {"steps": [{"afterWorkingDays": 2600, "to": "unitHead"}]},
                 "acknowledge": {"remindAfterWorkingDays": 2600, "escalateAfterWorkingDays": 2600}}
                """)!.AsObject(),
        });

        Assert.Equal([2600], flow.Reminders!.BeforeWorkingDays);
        Assert.Equal(2600, flow.Escalation!.Steps[0].AfterWorkingDays);
        Assert.Equal(new AcknowledgePolicy(2600, 2600), flow.Acknowledge);
    }

    [Fact]
    public void A_task_level_policy_beyond_the_limit_is_refused_too()
    {
        var error = Assert.Throws<ActivityPropertiesException>(() => UnitTaskProperties.Read(new JsonObject
        {
            ["title"] = "T",
            ["deadline"] = new JsonObject { ["workingDays"] = 5 },
            ["escalation"] = new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["afterWorkingDays"] = 999_999_999, ["to"] = "unitHead" }) },
        }));

        Assert.Equal("escalation.steps[0].afterWorkingDays", error.Path);
    }

    [Fact]
    public void A_stored_task_policy_beyond_the_limit_is_read_within_it()
    {
        // Copied onto tasks before the limit existed: the sweep must still plan them, not throw every minute.
        var policy = TaskPolicy.Parse("""
            {"reminders": {"beforeWorkingDays": [999999999, 1]}, "escalation": {"steps": [{"afterWorkingDays": 999999999, "to": "unitHead"}]},
             "acknowledge": {"remindAfterWorkingDays": 999999999, "escalateAfterWorkingDays": 3}}
            """);

        Assert.Equal([1], policy.Reminders.BeforeWorkingDays);
        Assert.Equal(InputLimits.MaxWorkingDays, policy.Escalation.Steps[0].AfterWorkingDays);
        Assert.Equal(new AcknowledgePolicy(AcknowledgePolicy.Default.RemindAfterWorkingDays, 3), policy.Acknowledge);
    }
}
