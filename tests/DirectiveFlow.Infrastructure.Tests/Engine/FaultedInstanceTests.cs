using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// A flaw in the flow faults its instance, but the work already given goes on: a unit whose sub-units finish the
/// sub-tasks it gave them may still complete its own task.
/// </summary>
public sealed class FaultedInstanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sub_tasks_finished_in_a_faulted_instance_still_let_their_unit_complete(string provider)
    {
        // Regression: the sub-cascade's join was only counted in a running instance, so once the flow faulted the ward
        // was refused (sub-cascade open) for ever, however much its residential groups had done.
        await using var host = await CancelledBranchTests.AdminHostAsync(provider, communes: 1);
        var (issued, wardTask, started) = await CancelledBranchTests.WardWithSubTasksAsync(host);
        await using (var db = host.Context())
        {
            await db.WorkflowInstances.Where(i => i.Id == issued.InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Faulted), EngineHost.Cancel);
        }

        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[0], "Done", "group1"));
        Assert.False(await CancelledBranchTests.CanCompleteAsync(host, wardTask.Id));
        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[1], "Done", "group2"));

        Assert.True(await CancelledBranchTests.CanCompleteAsync(host, wardTask.Id));
        Assert.Equal(WorkflowInstanceStatus.Faulted, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "subcascade.completed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_faulted_instance_can_be_cancelled_with_its_open_tasks(string provider)
    {
        await using var host = await CancelledBranchTests.AdminHostAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE", "00008-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        await using (var db = host.Context())
        {
            await db.WorkflowInstances.Where(i => i.Id == issued.InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Faulted), EngineHost.Cancel);
        }

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new CancelInstanceCommand(issued.InstanceId, "admin", "Luồng lỗi, thu hồi")));

        Assert.Equal(WorkflowInstanceStatus.Cancelled, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));
    }
}
