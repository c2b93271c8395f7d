using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Core.Tests.Tasks;

public sealed class TaskStateMachineTests
{
    // The whole table, written out by hand: state → the actions it allows. A change to the rules must change this.
    public static TheoryData<UnitTaskStatus, TaskAction[]> Table => new()
    {
        { UnitTaskStatus.Assigned, [TaskAction.Acknowledge, TaskAction.Contribute, TaskAction.RequestExtension, TaskAction.DecideExtension, TaskAction.Cancel] },
        { UnitTaskStatus.Acknowledged, [TaskAction.Progress, TaskAction.Complete, TaskAction.Contribute, TaskAction.RequestExtension, TaskAction.DecideExtension, TaskAction.Cancel] },
        { UnitTaskStatus.InProgress, [TaskAction.Progress, TaskAction.Complete, TaskAction.Contribute, TaskAction.RequestExtension, TaskAction.DecideExtension, TaskAction.Cancel] },
        { UnitTaskStatus.Returned, [TaskAction.Progress, TaskAction.Complete, TaskAction.Contribute, TaskAction.RequestExtension, TaskAction.DecideExtension, TaskAction.Cancel] },
        { UnitTaskStatus.Reported, [TaskAction.DecideExtension, TaskAction.Review, TaskAction.Cancel] },
        { UnitTaskStatus.Completed, [] },
        { UnitTaskStatus.Cancelled, [] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_state_allows_exactly_its_actions(UnitTaskStatus status, TaskAction[] expected)
    {
        Assert.Equal(expected, TaskStateMachine.AllowedIn(status));
        foreach (var action in Enum.GetValues<TaskAction>())
        {
            Assert.Equal(expected.Contains(action), TaskStateMachine.IsAllowed(status, action));
        }
    }

    [Theory]
    [InlineData(UnitTaskStatus.Acknowledged)]
    [InlineData(UnitTaskStatus.InProgress)]
    [InlineData(UnitTaskStatus.Returned)]
    public void Progress_moves_a_working_task_to_in_progress(UnitTaskStatus from) =>
        Assert.Equal(UnitTaskStatus.InProgress, TaskStateMachine.AfterProgress(from));

    [Fact]
    public void Completing_a_task_with_a_review_reports_it_and_without_one_completes_it()
    {
        Assert.Equal(UnitTaskStatus.Reported, TaskStateMachine.AfterComplete(UnitTaskStatus.InProgress, requiresReview: true));
        Assert.Equal(UnitTaskStatus.Completed, TaskStateMachine.AfterComplete(UnitTaskStatus.InProgress, requiresReview: false));
    }

    [Fact]
    public void A_review_accepts_to_completed_or_returns_for_rework()
    {
        Assert.Equal(UnitTaskStatus.Completed, TaskStateMachine.AfterReview(UnitTaskStatus.Reported, accepted: true));
        Assert.Equal(UnitTaskStatus.Returned, TaskStateMachine.AfterReview(UnitTaskStatus.Reported, accepted: false));
    }

    [Fact]
    public void Acknowledging_twice_is_refused_naming_what_is_allowed()
    {
        var ack = TaskStateMachine.AfterAcknowledge(UnitTaskStatus.Assigned);

        var error = Assert.Throws<TaskTransitionException>(() => TaskStateMachine.AfterAcknowledge(ack));

        Assert.Equal(UnitTaskStatus.Acknowledged, error.Status);
        Assert.Contains(TaskAction.Progress, error.AllowedActions);
        Assert.Equal([UnitTaskStatus.Assigned], error.AllowedStates);
        Assert.Contains("Progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_task_allows_nothing_not_even_cancelling()
    {
        var error = Assert.Throws<TaskTransitionException>(() => TaskStateMachine.AfterCancel(UnitTaskStatus.Completed));
        Assert.Empty(error.AllowedActions);
    }

    [Fact]
    public void Progress_before_acknowledging_is_refused() =>
        Assert.Throws<TaskTransitionException>(() => TaskStateMachine.AfterProgress(UnitTaskStatus.Assigned));
}
