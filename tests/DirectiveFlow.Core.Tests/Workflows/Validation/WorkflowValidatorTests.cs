using System.Diagnostics;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows.Validation;

public sealed class WorkflowValidatorTests
{
    private readonly WorkflowValidator _validator = new();

    [Theory]
    [MemberData(nameof(ShippedWorkflows.Names), MemberType = typeof(ShippedWorkflows))]
    public void Shipped_workflow_is_valid(string name)
    {
        var result = _validator.Validate(ShippedWorkflows.Read(name));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Code} {e.ActivityId} {e.Path}: {e.Message}")));
        Assert.NotNull(result.Definition);
    }

    [Fact]
    public void Sample_flow_is_valid()
    {
        var result = _validator.Validate(Valid());

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Bad_json_is_refused_with_its_line()
    {
        var result = _validator.Validate("{\n  \"id\": \"x\",\n  \"name\": \n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationCodes.InvalidJson, error.Code);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Unknown_activity_type_is_named_with_its_activity()
    {
        var flow = Valid();
        flow.Activities.Add(Activity("mystery", "SendFax"));
        flow.Connections.Add(Connect("task", "Done", "mystery"));

        var error = Assert.Single(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.UnknownActivityType);
        Assert.Equal("mystery", error.ActivityId);
        Assert.Equal("/activities/5/type", error.Path);
    }

    [Fact]
    public void Missing_deadline_is_refused()
    {
        var flow = Valid();
        flow.Get("task").Properties.Remove("deadline");

        var error = Assert.Single(_validator.Validate(flow).Errors);
        Assert.Equal(ValidationCodes.MissingDeadline, error.Code);
        Assert.Equal("task", error.ActivityId);
        Assert.Contains("thời hạn", error.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_activity_is_refused()
    {
        var flow = Valid();
        flow.Activities.Add(Activity("orphan", "End"));

        var error = Assert.Single(_validator.Validate(flow).Errors);
        Assert.Equal(ValidationCodes.Unreachable, error.Code);
        Assert.Equal("orphan", error.ActivityId);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var flow = Valid();
        flow.Get("task").Properties.Remove("deadline");
        flow.Activities.Add(Activity("orphan", "End"));
        flow.Connections.Add(Connect("end", "Done", "ghost"));

        var codes = _validator.Validate(flow).Errors.Select(e => e.Code).ToList();

        Assert.Contains(ValidationCodes.MissingDeadline, codes);
        Assert.Contains(ValidationCodes.Unreachable, codes);
        Assert.Contains(ValidationCodes.DanglingConnection, codes);
        Assert.Contains(ValidationCodes.UnknownOutcome, codes);
    }

    [Fact]
    public void Missing_and_duplicate_starts_are_refused()
    {
        var none = Valid();
        none.Activities.RemoveAt(0);
        none.Connections.RemoveAt(0);
        Assert.Contains(_validator.Validate(none).Errors, e => e.Code == ValidationCodes.MissingStart);

        var two = Valid();
        two.Activities.Add(Activity("start2", "Start"));
        Assert.Contains(_validator.Validate(two).Errors, e => e.Code == ValidationCodes.MultipleStarts && e.ActivityId == "start2");
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var flow = Valid();
        flow.Activities.Add(Activity("task", "End"));

        Assert.Contains(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.DuplicateId && e.Path == "/activities/5/id");
    }

    [Fact]
    public void Connection_to_or_from_an_unknown_activity_is_dangling()
    {
        var flow = Valid();
        flow.Connections.Add(Connect("ghost", "Done", "end"));
        flow.Connections.Add(Connect("review", "Accepted", "nowhere"));

        var errors = _validator.Validate(flow).Errors.Where(e => e.Code == ValidationCodes.DanglingConnection).ToList();

        Assert.Equal(["/connections/5/source", "/connections/6/target"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Outcome_that_the_source_type_lacks_is_refused()
    {
        var flow = Valid();
        flow.Connections[0].Outcome = "Finished";

        var error = Assert.Single(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.UnknownOutcome);
        Assert.Equal("start", error.ActivityId);
        Assert.Contains("Done", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_outcomes_listed_on_a_unit_task_may_be_connected()
    {
        var flow = Valid();
        flow.Get("task").Properties["outcomes"] = new JsonArray("Cannot");
        flow.Activities.Add(Activity("branch-end", "End"));
        flow.Connections.Add(Connect("task", "Cannot", "branch-end"));

        Assert.Empty(_validator.Validate(flow).Errors);
    }

    [Fact]
    public void Review_must_follow_a_unit_task()
    {
        var flow = Valid();
        flow.Connections[2] = Connect("start", "Done", "review");
        flow.Connections.RemoveAt(0);
        flow.Connections.Add(Connect("task", "Done", "end"));

        Assert.Contains(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.ReviewNotAfterTask && e.ActivityId == "review");
    }

    [Fact]
    public void Review_returned_must_go_back_to_its_task()
    {
        var flow = Valid();
        flow.Connections[3].Target = "end";

        Assert.Contains(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.ReviewReturnMismatch && e.ActivityId == "review");

        var missing = Valid();
        missing.Connections.RemoveAt(3);
        Assert.Contains(_validator.Validate(missing).Errors, e => e.Code == ValidationCodes.ReviewMissingReturn);
    }

    [Fact]
    public void Loop_outside_a_review_rework_path_is_refused()
    {
        var flow = Valid();
        flow.Connections.Add(Connect("review", "Accepted", "task"));

        var error = Assert.Single(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.IllegalCycle);
        Assert.Contains("task → review", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cascade_needs_a_body_and_a_done()
    {
        var flow = Valid();
        flow.Connections.RemoveAll(c => c.Source == "cascade" && c.Outcome == "Done");
        Assert.Contains(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.CascadeMissingDone);

        var noBody = Valid();
        noBody.Connections.RemoveAll(c => c.Source == "cascade" && c.Outcome == "Each");
        Assert.Contains(_validator.Validate(noBody).Errors, e => e.Code == ValidationCodes.CascadeMissingEach);
    }

    [Fact]
    public void Cascade_body_shared_with_the_top_level_path_is_refused()
    {
        var flow = Valid();
        flow.Connections.Add(Connect("review", "Accepted", "end"));

        var error = Assert.Single(_validator.Validate(flow).Errors);
        Assert.Equal((ValidationCodes.CascadeBodyEscapes, "cascade"), (error.Code, error.ActivityId));
        Assert.Contains("end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_that_does_not_compile_is_refused()
    {
        var result = _validator.Validate(WithDecision("inputs.priority === "));

        Assert.Contains(result.Errors, e => e.Code == ValidationCodes.ConditionSyntax && e.ActivityId == "decide");
    }

    [Fact]
    public void Condition_that_loops_forever_is_refused_quickly()
    {
        var watch = Stopwatch.StartNew();
        var result = _validator.Validate(WithDecision("while (true) {} true"));

        Assert.Contains(result.Errors, e => e.Code == ValidationCodes.ConditionRunaway && e.ActivityId == "decide");
        // A guard against a hang, not a speed target: an unbounded loop would never return at all.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Undeclared_input_is_refused()
    {
        var flow = Valid();
        flow.Get("task").Properties["deadline"] = new JsonObject { ["input"] = "daysLeft" };

        var error = Assert.Single(_validator.Validate(flow).Errors);
        Assert.Equal(ValidationCodes.UnknownInput, error.Code);
        Assert.Equal("/activities/2/properties/deadline/input", error.Path);
    }

    [Fact]
    public void Schema_violation_points_at_the_offending_value()
    {
        var flow = Valid();
        flow.Get("task").Properties["deadline"] = new JsonObject { ["workingDays"] = "năm" };

        var errors = _validator.Validate(flow).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(ValidationCodes.Schema, e.Code));
        Assert.Contains(errors, e => e.ActivityId == "task" && e.Path!.StartsWith("/activities/2/properties/deadline", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_selector_pillar_is_refused_by_the_schema()
    {
        var flow = Valid();
        flow.Get("cascade").Properties["targets"] = new JsonObject { ["pillars"] = new JsonArray("ARMY") };

        Assert.Contains(_validator.Validate(flow).Errors, e => e.Code == ValidationCodes.Schema && e.Path == "/activities/1/properties/targets/pillars/0");
    }
}
