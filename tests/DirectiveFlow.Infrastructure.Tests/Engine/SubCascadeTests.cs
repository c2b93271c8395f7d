using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Engine.SubCascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

public sealed class SubCascadeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_cannot_complete_before_its_sub_cascade_does(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 1);
            var ward = await db.Units.SingleAsync(u => u.Code == "00004-COMMITTEE", EngineHost.Cancel);
            var locality = await db.Localities.SingleAsync(l => l.Code == "00004", EngineHost.Cancel);
            foreach (var group in new[] { "Tổ dân phố số 1", "Tổ dân phố số 2" })
            {
                var unit = TestOrganisation.Unit(locality, Pillar.Committee, UnitLevel.SubUnit, ward.Id, group);
                unit.Code = $"00004-COMMITTEE-TDP{group[^1]}";
                unit.Kind = OrgUnitKind.ResidentialGroup;
                db.Units.Add(unit);
            }

            await db.SaveChangesAsync(EngineHost.Cancel);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var wardTask = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"));

        var started = await host.SendAsync(new StartSubCascadeCommand(
            wardTask.Id, null, null, "Rà soát tại tổ dân phố", "Báo cáo phường", new System.Text.Json.Nodes.JsonObject { ["workingDays"] = 2 }, "officer", Caller.System));

        Assert.Equal(2, started.TaskIds.Count);
        await using (var db = host.Context())
        {
            // Each residential group is told of its task once, by the ward that gave it.
            var notices = (await Notices.SentNotices.RowsAsync(db, EngineHost.Cancel)).Where(r => started.TaskIds.Contains(r.TaskId!.Value)).ToList();
            Assert.Equal(started.TaskIds.Order(), notices.Select(n => n.TaskId!.Value).Order());
            foreach (var (_, email) in await Notices.SentNotices.RenderAsync(db, notices, "vi", EngineHost.Cancel))
            {
                Assert.StartsWith("[Nhiệm vụ mới] Tổ dân phố số ", email.Subject, StringComparison.Ordinal);
                Assert.Contains("Rà soát tại tổ dân phố", email.Subject, StringComparison.Ordinal);
                Assert.Contains("Báo cáo phường", email.TextBody, StringComparison.Ordinal);
                Assert.NotNull(email.IcsContent);
            }
        }

        Assert.False(await CanCompleteAsync(host, wardTask.Id));
        var again = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new StartSubCascadeCommand(wardTask.Id, null, null, "Lần hai", null, null, "officer", Caller.System)));
        Assert.Equal(ProblemKind.Conflict, again.Kind);

        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[0], "Done", "group1"));
        Assert.False(await CanCompleteAsync(host, wardTask.Id));
        await host.SendAsync(new ResumeTaskCommand(started.TaskIds[1], "Done", "group2"));

        Assert.True(await CanCompleteAsync(host, wardTask.Id));
        await using var read = host.Context();
        var sub = await read.ActivityExecutions.SingleAsync(e => e.Id == started.ExecutionId, EngineHost.Cancel);
        Assert.Equal(ActivityExecutionStatus.Completed, sub.Status);
        // Children finishing moves only the sub-cascade, never the flow: the ward task and the cascade still wait.
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_units_own_sub_units_can_receive_a_sub_cascade(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"units": ["00004-COMMITTEE"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var wardTask = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"));
        var stranger = await host.UnitIdAsync("00008-COMMITTEE");

        var result = await Assert.ThrowsAsync<ProblemException>(() =>
            host.SendAsync(new StartSubCascadeCommand(wardTask.Id, [stranger], null, "Việc", null, null, "officer", Caller.System)));

        Assert.Contains("unitIds", result.Errors.Keys);
        Assert.True(await CanCompleteAsync(host, wardTask.Id));
    }

    private static async Task<bool> CanCompleteAsync(EngineHost host, Guid taskId)
    {
        await using var db = host.Context();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, EngineHost.Cancel);
        return await host.Services.GetRequiredService<IWorkflowEngine>().CanCompleteAsync(db, task, EngineHost.Cancel);
    }
}
