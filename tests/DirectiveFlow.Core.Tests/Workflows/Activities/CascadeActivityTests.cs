using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Activities.Cascade;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class CascadeActivityTests
{
    private static ActivityDefinition Cascade() => new()
    {
        Id = "wide",
        Type = ActivityTypes.Cascade,
        Properties = JsonNode.Parse("""{"targets": {"counterpartsOf": "issuer"}, "completion": {"mode": "all"}}""")!.AsObject(),
    };

    [Fact]
    public async Task A_cascade_starts_its_branches_through_the_store_and_leaves_the_token_on_the_join()
    {
        var run = new InMemoryActivityRun(Cascade());

        await new CascadeActivity().RunAsync(run, TestContext.Current.CancellationToken);

        Assert.Equal(["cascade:issuer"], run.Written);
        Assert.Empty(run.Followed);
        Assert.False(run.Ended);
    }

    [Fact]
    public void A_cascade_without_a_body_or_a_continuation_is_reported_on_both_ports()
    {
        var definition = new WorkflowDefinition
        {
            Id = "f",
            Name = "f",
            Activities = [new() { Id = "start", Type = ActivityTypes.Start }, Cascade()],
            Connections = [new() { Source = "start", Outcome = Outcomes.Done, Target = "wide" }],
        };

        var errors = new WorkflowValidator().Validate(definition).Errors.Where(e => e.ActivityId == "wide").Select(e => e.Code);

        Assert.Equal([ValidationCodes.CascadeMissingEach, ValidationCodes.CascadeMissingDone], errors);
    }

    [Fact]
    public void The_summary_names_the_targets_in_both_languages()
    {
        var summary = new CascadeActivity().Summary(Cascade().Properties);

        Assert.Equal("đơn vị tương ứng của issuer", summary.Vi);
        Assert.Equal("counterparts of issuer", summary.En);
    }
}
