using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>
/// Placeholders are checked when the flow is validated: <c>{{directive.tittle}}</c> stayed as written in every task's
/// title and every email, and <c>{{inputs.undeclared}}</c> was filled empty.
/// </summary>
public sealed class TemplatePlaceholderValidationTests
{
    private readonly WorkflowValidator _validator = new();

    [Theory]
    [InlineData("title", "Thực hiện {{directive.tittle}}")]
    [InlineData("instructions", "Báo cáo {{ unit.nam | inline }}")]
    [InlineData("title", "Thực hiện {{directive.title | upper}}")]
    public void An_unknown_placeholder_in_a_task_is_refused_at_its_property(string property, string text)
    {
        var flow = Valid();
        flow.Get("task").Properties[property] = text;

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.UnknownPlaceholder, "task", $"/activities/2/properties/{property}"), (error.Code, error.ActivityId, error.Path));
        Assert.Contains("{{directive.title}}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{inputs.<declared input>}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_input_in_a_notify_body_is_refused_and_a_declared_one_is_not()
    {
        var flow = Valid();
        flow.Activities.Insert(4, Activity("notify", "Notify", new JsonObject
        {
            ["to"] = "unitHead",
            ["subject"] = "{{directive.number}} trong {{inputs.deadlineDays}} ngày",
            ["body"] = "Kính gửi {{unit.name}}: {{inputs.undeclared}}",
        }));
        flow.Connections[^1] = Connect("cascade", "Done", "notify");
        flow.Connections.Add(Connect("notify", "Done", "end"));

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.UnknownInput, "notify", "/activities/4/properties/body"), (error.Code, error.ActivityId, error.Path));
    }

    [Fact]
    public void Every_placeholder_the_engine_fills_is_accepted()
    {
        var flow = Valid();
        flow.Get("task").Properties["title"] = string.Join(" ", TemplatePlaceholders.Known.Select(k => "{{" + k + "}} {{ " + k + " | inline }}"));

        Assert.Empty(_validator.Validate(flow).Errors);
    }
}
