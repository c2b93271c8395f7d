using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Activities.Decision;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class DecisionActivityTests
{
    private static ActivityDefinition Decision(string condition) =>
        new() { Id = "route", Type = ActivityTypes.Decision, Properties = new JsonObject { ["condition"] = condition } };

    [Fact]
    public async Task A_true_condition_on_the_branch_unit_takes_True_and_journals_it()
    {
        var unit = new ConditionUnit("00070-COMMITTEE", "UBND phường Hoàn Kiếm", "COMMITTEE", "commune");
        var run = new InMemoryActivityRun(Decision("unit.level === 'commune' && directive.priority === 'Urgent'"), unit);

        await new DecisionActivity().RunAsync(run, TestContext.Current.CancellationToken);

        Assert.Equal([Outcomes.True], run.Followed);
        Assert.Equal([("decision.evaluated", (string?)"True")], run.Journaled);
    }

    [Fact]
    public async Task At_the_top_level_the_unit_is_null_and_a_false_condition_takes_False()
    {
        var run = new InMemoryActivityRun(Decision("unit !== null || inputs.amount > 5"), inputs: new JsonObject { ["amount"] = 3 });

        await new DecisionActivity().RunAsync(run, TestContext.Current.CancellationToken);

        Assert.Equal([Outcomes.False], run.Followed);
    }

    [Fact]
    public async Task A_condition_that_throws_faults_with_the_activity_named_and_moves_nothing()
    {
        var run = new InMemoryActivityRun(Decision("inputs.missing.deeper === 1"));

        var fault = await Assert.ThrowsAsync<ActivityFaultException>(() => new DecisionActivity().RunAsync(run, TestContext.Current.CancellationToken));

        Assert.StartsWith("Decision 'route':", fault.Message, StringComparison.Ordinal);
        Assert.Empty(run.Followed);
        Assert.Empty(run.Journaled);
    }
}
