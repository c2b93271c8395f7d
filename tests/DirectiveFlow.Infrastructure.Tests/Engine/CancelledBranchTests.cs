using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Engine.SubCascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// A task an administrator cancels (issued in error) ends its branch: the cascade or sub-cascade it belonged to counts it
/// and no longer waits for it, so the flow moves on once the others finish — before, the join waited for it for ever.
/// </summary>
public sealed class CancelledBranchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancelled_branch_no_longer_holds_its_cascade_back(string provider)
    {
        await using var host = await AdminHostAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE", "00008-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        Assert.Equal(2, work.Count);

        await host.SendAsync(new CancelTaskCommand(work[0].Id, "Giao nhầm đơn vị"));
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await host.SendAsync(new ResumeTaskCommand(work[1].Id, "Done", "ward"));

        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await using var db = host.Context();
        var cascade = await db.ActivityExecutions.SingleAsync(e => e.InstanceId == issued.InstanceId && e.ActivityId == "fan-out", EngineHost.Cancel);
        Assert.Equal((ActivityExecutionStatus.Completed, 2, 2), (cascade.Status, cascade.CompletedBranches, cascade.ExpectedBranches));
        var journal = await db.Journal.Where(j => j.InstanceId == issued.InstanceId).OrderBy(j => j.Id).Select(j => new { j.Action, j.Detail }).ToListAsync(EngineHost.Cancel);
        Assert.Contains(journal, j => j.Action == "branch.withdrawn" && j.Detail == "1/2");
        Assert.Contains(journal, j => j.Action == "cascade.completed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_percentage_rule_is_judged_on_the_branches_still_awaited_not_met_by_withdrawn_ones(string provider)
    {
        // Regression: a withdrawn branch counted as a done one, so 75 % of four provinces (3) was met by one done and two
        // cancelled. Now it is 75 % of the two still awaited (2): one done is not enough, two are.
        await using var host = await AdminHostAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["province"]}""", """{"mode": "percentage", "percent": 75}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        Assert.Equal(4, work.Count);

        await host.SendAsync(new CancelTaskCommand(work[0].Id, "Giao nhầm đơn vị"));
        await host.SendAsync(new CancelTaskCommand(work[1].Id, "Giao nhầm đơn vị"));
        await host.SendAsync(new ResumeTaskCommand(work[2].Id, "Done", "officer"));
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));

        await host.SendAsync(new ResumeTaskCommand(work[3].Id, "Done", "officer"));
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await using var db = host.Context();
        var cascade = await db.ActivityExecutions.SingleAsync(e => e.InstanceId == issued.InstanceId && e.ActivityId == "fan-out", EngineHost.Cancel);
        Assert.Equal((4, 2, 4), (cascade.CompletedBranches, cascade.WithdrawnBranches, cascade.ExpectedBranches));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_percentage_rule_met_by_done_branches_is_not_undone_by_a_later_withdrawal(string provider)
    {
        await using var host = await AdminHostAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["province"]}""", """{"mode": "percentage", "percent": 50}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");

        await host.SendAsync(new ResumeTaskCommand(work[0].Id, "Done", "officer"));
        await host.SendAsync(new CancelTaskCommand(work[1].Id, "Giao nhầm đơn vị"));
        // 50 % of the three still awaited is two: one done is not enough.
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await host.SendAsync(new ResumeTaskCommand(work[2].Id, "Done", "officer"));
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await host.SendAsync(new CancelTaskCommand(work[3].Id, "Giao nhầm đơn vị"));
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_the_last_open_branch_completes_the_cascade_at_once(string provider)
    {
        await using var host = await AdminHostAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE", "00008-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        await host.SendAsync(new ResumeTaskCommand(work[0].Id, "Done", "ward"));

        await host.SendAsync(new CancelTaskCommand(work[1].Id, "Đơn vị đã sáp nhập"));

        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancelled_child_task_no_longer_holds_its_parent_back(string provider)
    {
        await using var host = await AdminHostAsync(provider, communes: 1);
        var (issued, wardTask, started) = await WardWithSubTasksAsync(host);

        await host.SendAsync(new CancelTaskCommand(started.TaskIds[0], "Tổ đã giải thể"));
        Assert.False(await CanCompleteAsync(host, wardTask.Id));
        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[1], "Done", "group2"));

        Assert.True(await CanCompleteAsync(host, wardTask.Id));
        // The ward's own branch still waits for the ward: only its sub-cascade ended.
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"));
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_a_task_withdraws_the_sub_tasks_its_unit_gave_and_ends_its_sub_cascade(string provider)
    {
        await using var host = await AdminHostAsync(provider, communes: 1);
        var (issued, wardTask, started) = await WardWithSubTasksAsync(host);
        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[0], "Done", "group1"));

        await host.SendAsync(new CancelTaskCommand(wardTask.Id, "Giao nhầm phường"));

        await using var db = host.Context();
        var children = await db.Tasks.Where(t => t.ParentTaskId == wardTask.Id).OrderBy(t => t.Id).Select(t => new { t.Id, t.Status, t.NextActionAt }).ToListAsync(EngineHost.Cancel);
        // The finished one stays finished; the open one is withdrawn and no longer chased.
        Assert.Equal(Core.Tasks.UnitTaskStatus.Completed, children.Single(c => c.Id == started.TaskIds[0]).Status);
        var withdrawn = children.Single(c => c.Id == started.TaskIds[1]);
        Assert.Equal((Core.Tasks.UnitTaskStatus.Cancelled, (DateTimeOffset?)null), (withdrawn.Status, withdrawn.NextActionAt));
        Assert.True(await db.Journal.AnyAsync(j => j.TaskId == started.TaskIds[1] && j.Action == "task.cancelled" && j.Detail == "Giao nhầm phường", EngineHost.Cancel));
        var key = $"task:{started.TaskIds[1]:N}:cancelled:";
        Assert.True(await db.Outbox.AnyAsync(o => o.DedupeKey.StartsWith(key), EngineHost.Cancel), "the group is not told");
        Assert.False(await db.Outbox.AnyAsync(o => o.DedupeKey.StartsWith($"task:{started.TaskIds[0]:N}:cancelled:"), EngineHost.Cancel));
        var sub = await db.ActivityExecutions.SingleAsync(e => e.Id == started.ExecutionId, EngineHost.Cancel);
        Assert.Equal(ActivityExecutionStatus.Cancelled, sub.Status);
        // The ward's branch ended with it: the cascade moved on.
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
    }

    /// <summary>One ward's task in a cascade, and the sub-tasks the ward gave its two residential groups.</summary>
    internal static async Task<(Infrastructure.Directives.Commands.IssueDirectiveResult Issued, Core.Tasks.UnitTask WardTask, StartSubCascadeResult Started)> WardWithSubTasksAsync(EngineHost host)
    {
        await AddResidentialGroupsAsync(host);
        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var wardTask = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"));
        var started = await host.SendAsync(new StartSubCascadeCommand(
            wardTask.Id, null, null, "Rà soát tại tổ dân phố", null, new System.Text.Json.Nodes.JsonObject { ["workingDays"] = 2 }, "officer", Caller.System));
        return (issued, wardTask, started);
    }

    private static async Task AddResidentialGroupsAsync(EngineHost host)
    {
        await using var db = host.Context();
        var ward = await db.Units.SingleAsync(u => u.Code == "00004-COMMITTEE", EngineHost.Cancel);
        var locality = await db.Localities.SingleAsync(l => l.Code == "00004", EngineHost.Cancel);
        foreach (var n in new[] { 1, 2 })
        {
            var unit = TestOrganisation.Unit(locality, Pillar.Committee, UnitLevel.SubUnit, ward.Id, $"Tổ dân phố số {n}");
            unit.Code = $"00004-COMMITTEE-TDP{n}";
            unit.Kind = OrgUnitKind.ResidentialGroup;
            db.Units.Add(unit);
        }

        await db.SaveChangesAsync(EngineHost.Cancel);
    }

    internal static async Task<EngineHost> AdminHostAsync(string provider, int communes = 2)
    {
        var host = await EngineHost.CreateAsync(provider,
            configure: s => s.AddScoped<ICurrentUser>(_ => new TestCurrentUser("admin", null, Roles.Administrator)));
        await using var db = host.Context();
        await TestOrganisation.SeedHanoiAsync(db, communeLimit: communes);
        return host;
    }

    internal static async Task<bool> CanCompleteAsync(EngineHost host, Guid taskId)
    {
        await using var db = host.Context();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, EngineHost.Cancel);
        return await host.Services.GetRequiredService<IWorkflowEngine>().CanCompleteAsync(db, task, EngineHost.Cancel);
    }
}
