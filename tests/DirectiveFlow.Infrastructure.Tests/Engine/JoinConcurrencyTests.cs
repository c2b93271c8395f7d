using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

public sealed class JoinConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completing_the_last_two_branches_at_once_takes_the_Done_port_exactly_once(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-PARTY", "00008-PARTY"]}"""));
        for (var round = 0; round < 4; round++)
        {
            var issued = await host.IssueAsync("wide", "01-PARTY");
            var branches = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
            Assert.Equal(2, branches.Count);

            var results = await Task.WhenAll(branches.Select(t => Task.Run(() => host.SendAsync(new ResumeTaskCommand(t.Id, "Done", "officer")))));

            Assert.All(results, r => Assert.Equal(ResumeResult.Resumed, r));
            await using var db = host.Context();
            var cascade = await db.ActivityExecutions.SingleAsync(e => e.InstanceId == issued.InstanceId && e.ActivityType == "Cascade", EngineHost.Cancel);
            Assert.Equal(2, cascade.CompletedBranches);
            Assert.Equal(ActivityExecutionStatus.Completed, cascade.Status);
            Assert.Equal(1, await db.Tasks.CountAsync(t => t.InstanceId == issued.InstanceId && t.ActivityId == "after", EngineHost.Cancel));
            Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "cascade.completed"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resuming_a_consumed_task_again_is_a_no_op(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-PARTY", "00008-PARTY"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var first = (await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"))[0];

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(first.Id, "Done", "officer")));
        Assert.Equal(ResumeResult.AlreadyConsumed, await host.SendAsync(new ResumeTaskCommand(first.Id, "Done", "officer")));
        Assert.Equal(ResumeResult.NotFound, await host.SendAsync(new ResumeTaskCommand(Guid.NewGuid(), "Done", "officer")));

        await using var read = host.Context();
        var cascade = await read.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
        Assert.Equal(1, cascade.CompletedBranches);
        Assert.Equal(ActivityExecutionStatus.Waiting, cascade.Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "branch.completed"));
    }
}
