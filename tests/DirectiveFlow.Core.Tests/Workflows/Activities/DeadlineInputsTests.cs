using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class DeadlineInputsTests
{
    [Fact]
    public void The_deadline_inputs_are_those_of_every_activity_that_counts_a_deadline()
    {
        var flow = SampleFlows.Valid();
        flow.Activities.Add(SampleFlows.Activity("wait", "Delay", new JsonObject { ["deadline"] = new JsonObject { ["input"] = "waitDays" } }));
        flow.Activities.Add(SampleFlows.Activity("notify", "Notify", new JsonObject { ["deadline"] = new JsonObject { ["input"] = "ignored" } }));

        var names = DeadlineInputs.Of(flow);

        Assert.Equal(["deadlineDays", "waitDays"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_activity_with_unreadable_properties_names_no_input()
    {
        var flow = new WorkflowDefinition { Name = "x", Activities = [SampleFlows.Activity("wait", "Delay", new JsonObject { ["deadline"] = "soon" })] };

        Assert.Empty(DeadlineInputs.Of(flow));
    }
}
