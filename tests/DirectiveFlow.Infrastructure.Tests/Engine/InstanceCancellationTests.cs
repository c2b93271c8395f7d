using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// A cancellation (and so a directive's withdrawal, which emails the units of the tasks it answers) answers exactly the
/// tasks it cancelled. Before, it listed the open tasks and cancelled them in a second statement: on PostgreSQL a
/// completion committed in between was listed but not cancelled, and its unit was told its just-completed task had stopped.
/// </summary>
public sealed class InstanceCancellationTests
{
    [Fact]
    public async Task A_completion_committed_while_the_cancellation_waits_for_its_task_is_neither_cancelled_nor_answered()
    {
        await using var host = await CancelledBranchTests.AdminHostAsync(nameof(DatabaseProvider.PostgreSql));
        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE", "00008-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        Assert.Equal(2, work.Count);
        var (completed, stopped) = (work[0].Id, work[1].Id);

        // A completion holds its task's row, not yet committed, when the withdrawal starts.
        await using var completing = host.Context();
        await using var completion = await completing.Database.BeginTransactionAsync(EngineHost.Cancel);
        await completing.Tasks.Where(t => t.Id == completed).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, UnitTaskStatus.Completed)
            .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1), EngineHost.Cancel);

        await using var withdrawing = host.Context();
        await using var withdrawal = await withdrawing.Database.BeginTransactionAsync(EngineHost.Cancel);
        var cancelling = InstanceCancellation.CancelAsync(withdrawing, issued.InstanceId, issued.Id, "admin", host.Clock.GetUtcNow(), EngineHost.Cancel);
        await WaitUntilBlockedAsync(host, cancelling);
        await completion.CommitAsync(EngineHost.Cancel);
        var cancelled = await cancelling;
        await withdrawing.SaveChangesAsync(EngineHost.Cancel);
        await withdrawal.CommitAsync(EngineHost.Cancel);

        Assert.NotNull(cancelled);
        Assert.Equal([stopped], cancelled.Select(t => t.Id));
        await using var db = host.Context();
        var statuses = await db.Tasks.Where(t => t.InstanceId == issued.InstanceId && t.ActivityId == "work").ToDictionaryAsync(t => t.Id, t => t.Status, EngineHost.Cancel);
        Assert.Equal((UnitTaskStatus.Completed, UnitTaskStatus.Cancelled), (statuses[completed], statuses[stopped]));
        Assert.Equal(await db.Tasks.Where(t => t.Id == stopped).Select(t => t.ConcurrencyStamp).SingleAsync(EngineHost.Cancel), cancelled.Single().Version);
        Assert.Equal(WorkflowInstanceStatus.Cancelled, await db.WorkflowInstances.Where(i => i.Id == issued.InstanceId).Select(i => i.Status).SingleAsync(EngineHost.Cancel));
    }

    /// <summary>Waits until the cancellation waits on a row lock (the completing transaction's task).</summary>
    private static async Task WaitUntilBlockedAsync(EngineHost host, Task cancelling)
    {
        await using var db = host.Context();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            Assert.False(cancelling.IsCompleted, "the cancellation finished without waiting for the task being completed");
            var waiting = await db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync(EngineHost.Cancel);
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50, EngineHost.Cancel);
        }

        Assert.Fail("the cancellation never waited for the task being completed");
    }
}
