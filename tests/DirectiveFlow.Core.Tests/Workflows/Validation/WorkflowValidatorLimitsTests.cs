using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

/// <summary>Issue 14 §4: what a definition may not hold, refused when it is validated rather than when a directive first runs it.</summary>
public sealed class WorkflowValidatorLimitsTests
{
    private readonly WorkflowValidator _validator = new();

    [Theory]
    [InlineData("System.IO.File.Exists('/etc/passwd')")]
    [InlineData("importNamespace('System.IO').File.Exists('x')")]
    [InlineData("'x'.repeat(1e9).length > 0")]
    [InlineData("eval('true')")]
    [InlineData("Function('return true')()")]
    [InlineData("directive.priority === 'Urgent' && System.IO.File.Exists('x')")]
    public void A_condition_that_leaves_the_sandbox_is_invalid_at_validation(string condition)
    {
        var result = _validator.Validate(WithDecision(condition));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ValidationCodes.ConditionSandbox, "decide", "/activities/1/properties/condition"), (error.Code, error.ActivityId, error.Path));
        Assert.Contains("sandbox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_that_only_fails_for_some_directives_stays_valid()
    {
        // Reading a property of an input the sample directive leaves empty fails here but may not on a real one.
        var result = _validator.Validate(WithDecision("inputs.extra.level > 2"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_definition_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var flow = Valid();
        flow.Description = new string('x', InputLimits.WorkflowDefinitionBytes);

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal(ValidationCodes.DefinitionTooLarge, error.Code);
        // In MB as an official reads it, rounded up so it never reads as the limit; numbers written as each language
        // writes them (Vietnamese pages printed 1,048,576).
        Assert.Equal("Định nghĩa dài 1,01 MB; tối đa 1 MB.", error.Text(english: false));
        Assert.Equal("The definition is 1.01 MB; at most 1 MB is accepted.", error.Text(english: true));
    }

    [Fact]
    public void Duplicate_keys_in_a_definition_are_invalid_json_not_a_crash()
    {
        var json = WorkflowDefinitionSerializer.Serialize(Valid()).Replace("\"name\": \"Mẫu\"", "\"name\": \"Mẫu\", \"name\": \"Khác\"", StringComparison.Ordinal);

        var error = Assert.Single(_validator.Validate(json).Errors);

        Assert.Equal(ValidationCodes.InvalidJson, error.Code);
        Assert.Contains("Duplicate property 'name'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B\u200C\uFEFF")]
    [InlineData("Quy trình\u0000")]
    public void A_flow_name_of_invisible_or_control_characters_is_refused(string name)
    {
        var flow = Valid();
        flow.Name = name;

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.InvalidText, "/name"), (error.Code, error.Path));
    }

    [Fact]
    public void A_deadline_beyond_the_limit_is_refused_in_the_definition()
    {
        var flow = Valid();
        flow.Get("task").Properties["deadline"] = new JsonObject { ["workingDays"] = 1_000_000_000 };

        var error = Assert.Single(_validator.Validate(flow).Errors);

        Assert.Equal(ValidationCodes.InvalidProperties, error.Code);
        Assert.Contains("from 0 to 2600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("activities", "/activities/5")]
    [InlineData("connections", "/connections/5")]
    [InlineData("inputs", "/inputs/1")]
    public void A_null_inside_a_list_is_an_error_at_its_element_not_a_crash(string list, string pointer)
    {
        var json = JsonNode.Parse(WorkflowDefinitionSerializer.Serialize(Valid()))!;
        json[list]!.AsArray().Add(null);

        var result = _validator.Validate(json.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == pointer);
    }

    [Fact]
    public void Nulls_in_every_list_are_each_reported()
    {
        var json = JsonNode.Parse(WorkflowDefinitionSerializer.Serialize(Valid()))!;
        foreach (var list in new[] { "activities", "connections", "inputs" })
        {
            json[list]!.AsArray().Insert(0, null);
        }

        json["issuers"] = new JsonObject { ["pillars"] = new JsonArray((JsonNode?)null), ["units"] = new JsonArray((JsonNode?)null) };

        var paths = _validator.Validate(json.ToJsonString()).Errors.Select(e => e.Path).ToHashSet();

        Assert.Superset(new HashSet<string?> { "/activities/0", "/connections/0", "/inputs/0", "/issuers/pillars/0", "/issuers/units/0" }, paths);
    }
}
