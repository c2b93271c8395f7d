using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>Issue 17: what the validator accepts and refuses of a Cascade over a document's items.</summary>
public sealed class ItemsCascadeValidationTests
{
    private readonly WorkflowValidator _validator = new();

    [Fact]
    public void A_cascade_over_a_declared_items_input_is_valid()
    {
        var result = _validator.Validate(OverItems("items", "items"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
    }

    [Fact]
    public void An_items_selector_must_name_a_declared_input_of_type_items()
    {
        var undeclared = Assert.Single(_validator.Validate(OverItems("items", "rows")).Errors);
        var wrongType = Assert.Single(_validator.Validate(OverItems("items", "deadlineDays")).Errors);

        Assert.Equal((ValidationCodes.UnknownInput, "/activities/1/properties/targets/items"), (undeclared.Code, undeclared.Path));
        Assert.Equal((ValidationCodes.ItemsInputType, "cascade"), (wrongType.Code, wrongType.ActivityId));
        Assert.Contains("đầu vào 'deadlineDays'", wrongType.Problem.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cascade_over_items_is_not_narrowable_and_not_mixed_with_another_base()
    {
        var narrowable = OverItems("items", "items");
        narrowable.Get("cascade").Properties["narrowable"] = true;
        var mixed = OverItems("items", "items");
        ((JsonObject)mixed.Get("cascade").Properties["targets"]!)["units"] = new JsonArray("01-COMMITTEE");

        Assert.Equal(ValidationCodes.ItemsNotNarrowable, Assert.Single(_validator.Validate(narrowable).Errors).Code);
        Assert.NotEmpty(_validator.Validate(mixed).Errors);
    }

    [Fact]
    public void A_cascade_over_items_inside_another_cascades_branch_is_refused()
    {
        var flow = WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("party-conclusion.json"));
        flow.Inputs.Add(new WorkflowInput { Name = "items", Type = WorkflowInput.ItemsType });
        flow.Get("ward-counterparts").Properties = new JsonObject
        {
            ["targets"] = new JsonObject { ["items"] = "items" },
            ["completion"] = new JsonObject { ["mode"] = "all" },
        };

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.ItemsCascadeNested, "ward-counterparts"), (error.Code, error.ActivityId));
        Assert.Contains("city-pillars", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The sample flow with its cascade over input <paramref name="name"/> and an items input called <paramref name="declared"/>.</summary>
    private static WorkflowDefinition OverItems(string declared, string name)
    {
        var flow = Valid();
        flow.Inputs.Add(new WorkflowInput { Name = declared, Type = WorkflowInput.ItemsType, Required = true });
        flow.Get("cascade").Properties["targets"] = new JsonObject { ["items"] = name };
        return flow;
    }
}
