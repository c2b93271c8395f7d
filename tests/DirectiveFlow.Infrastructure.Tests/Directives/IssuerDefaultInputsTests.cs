using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Commands;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

/// <summary>
/// A flow's unit default that the issuer cannot reach and that has no counterpart in the issuer's province (a null
/// issuer default): the form shows the field empty, so the issue leaves it empty too — asked for when required, never
/// refused by the Hà Nội code the issuer was not shown. An issuer default, when there is one, replaces the flow's.
/// </summary>
public sealed class IssuerDefaultInputsTests
{
    private static WorkflowDefinition Flow(bool required) => new()
    {
        Id = "committee-directive",
        Inputs = [new WorkflowInput { Name = "leadUnit", Type = "unit", Label = "Đơn vị chủ trì tổng hợp", Required = required, Default = JsonValue.Create("01-COMMITTEE") }],
    };

    [Fact]
    public void A_null_issuer_default_leaves_an_optional_input_empty()
    {
        var inputs = new JsonObject();
        var errors = new FieldErrors();

        DirectiveInputs.Complete(Flow(required: false), inputs, DirectivePriority.Normal, errors, new Dictionary<string, JsonNode?> { ["leadUnit"] = null });

        Assert.Empty(errors);
        Assert.Null(inputs["leadUnit"]);
    }

    [Fact]
    public void A_null_issuer_default_asks_for_a_required_input_by_its_label()
    {
        var inputs = new JsonObject();
        var errors = new FieldErrors();

        DirectiveInputs.Complete(Flow(required: true), inputs, DirectivePriority.Normal, errors, new Dictionary<string, JsonNode?> { ["leadUnit"] = null });

        Assert.Equal(ErrorCodes.InputRequired, Assert.Single(errors["inputs.leadUnit"]).Code);
        Assert.Null(inputs["leadUnit"]);
    }

    [Fact]
    public void An_issuer_default_replaces_the_flows_and_no_entry_keeps_it()
    {
        var own = new JsonObject();
        DirectiveInputs.Complete(Flow(required: true), own, DirectivePriority.Normal, new FieldErrors(),
            new Dictionary<string, JsonNode?> { ["leadUnit"] = JsonValue.Create("48-COMMITTEE") });
        var flows = new JsonObject();
        DirectiveInputs.Complete(Flow(required: true), flows, DirectivePriority.Normal, new FieldErrors(), new Dictionary<string, JsonNode?>());

        Assert.Equal("48-COMMITTEE", own["leadUnit"]!.GetValue<string>());
        Assert.Equal("01-COMMITTEE", flows["leadUnit"]!.GetValue<string>());
    }
}
