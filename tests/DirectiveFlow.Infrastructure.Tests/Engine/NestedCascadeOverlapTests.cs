using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Tests.Engine.Notices;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// <c>counterpartsOf: "branch"</c> gives the same communes for every unit of one pillar in one province: the city's
/// UBND and its Sở Xây dựng share the wards' UBND as counterparts. Each outer branch ran the nested cascade over them,
/// and the second run met the tasks the first had given (one per instance, activity, unit): on PostgreSQL the insert
/// failed (the Sở's completion a 500), on SQLite the rows were skipped and the second run waited for ever for branches
/// it never gave, so the directive never finished. Now the second run gives and awaits only units not given already;
/// the others keep their one task (and its one notice), answering to the run that gave it first.
/// </summary>
public sealed class NestedCascadeOverlapTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_nested_cascade_does_not_give_a_unit_the_task_another_branch_gave_it(string provider) =>
        await RunAsync(provider, walked: false);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_nested_cascade_walked_branch_by_branch_does_not_give_a_unit_the_task_twice(string provider) =>
        await RunAsync(provider, walked: true);

    /// <summary>
    /// Regression: when both outer branches finished at the same moment on PostgreSQL, both runs wrote the communes' tasks,
    /// and the second failed on the duplicate key (a 500) instead of counting them as given: asking first could not see the
    /// other transaction's rows before it committed. Now the second write waits on the unique key, fails, is rolled back to
    /// its savepoint, and writes again skipping the rows the first run committed; the units skipped count as given. On
    /// SQLite the two completions queue one behind the other.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_branches_finishing_at_once_give_each_unit_its_task_once(string provider)
    {
        await using var host = await CancelledBranchTests.AdminHostAsync(provider);
        await AddDepartmentAsync(host);
        await host.PublishAsync(Flow(walked: false));
        for (var round = 0; round < 3; round++)
        {
            var issued = await host.IssueAsync("overlap", "01-PARTY");
            var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "plan");
            Assert.Equal(2, plans.Count);
            await Task.WhenAll(plans.Select(p => host.SendAsync(new ResumeTaskCommand(p.Id, "Done", "officer"))));

            await using (var db = host.Context())
            {
                var carry = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == issued.InstanceId && t.ActivityId == "carry").ToListAsync(EngineHost.Cancel);
                Assert.Equal(2, carry.Count);
                Assert.Single(carry.Select(t => t.CascadeExecutionId).Distinct());
                var runs = await db.ActivityExecutions.AsNoTracking().Where(e => e.InstanceId == issued.InstanceId && e.ActivityId == "communes").ToListAsync(EngineHost.Cancel);
                Assert.Equal(2, runs.Count);
                Assert.Single(runs, e => e.WithdrawnBranches == 2 && e.Status == ActivityExecutionStatus.Completed);
            }

            await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);
            Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        }
    }

    private static async Task RunAsync(string provider, bool walked)
    {
        await using var host = await CancelledBranchTests.AdminHostAsync(provider);
        await AddDepartmentAsync(host);
        await host.PublishAsync(Flow(walked));
        var issued = await host.IssueAsync("overlap", "01-PARTY");
        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "plan");
        var units = await UnitCodesAsync(host);
        Assert.Equal(["01-COMMITTEE", "01-COMMITTEE-SXD"], plans.Select(t => units[t.UnitId]).Order(StringComparer.Ordinal));

        await host.SendAsync(new ResumeTaskCommand(plans.Single(t => units[t.UnitId] == "01-COMMITTEE").Id, "Done", "officer"));
        var given = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry");
        Assert.Equal(2, given.Count);
        await host.SendAsync(new ResumeTaskCommand(plans.Single(t => units[t.UnitId] == "01-COMMITTEE-SXD").Id, "Done", "officer"));

        await using (var db = host.Context())
        {
            var carry = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == issued.InstanceId && t.ActivityId == "carry").ToListAsync(EngineHost.Cancel);
            Assert.Equal(given.Select(t => (t.Id, t.CascadeExecutionId)).Order(), carry.Select(t => (t.Id, t.CascadeExecutionId)).Order());
            var runs = await db.ActivityExecutions.AsNoTracking().Where(e => e.InstanceId == issued.InstanceId && e.ActivityId == "communes")
                .ToDictionaryAsync(e => units[e.UnitId!.Value], EngineHost.Cancel);
            Assert.Equal((ActivityExecutionStatus.Waiting, 0, 0, 2), Counts(runs["01-COMMITTEE"]));
            Assert.Equal((ActivityExecutionStatus.Completed, 2, 2, 2), Counts(runs["01-COMMITTEE-SXD"]));
            var codes = string.Join(", ", carry.Select(t => units[t.UnitId]).Order(StringComparer.Ordinal));
            var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == issued.InstanceId && j.Action == "branch.given").Select(j => j.Detail).ToListAsync(EngineHost.Cancel);
            Assert.Equal([$"2/2: {codes}"], journal);
            var notices = (await SentNotices.RowsAsync(db, EngineHost.Cancel)).Where(r => r.Template == EmailTemplates.Assigned && carry.Any(t => t.Id == r.TaskId)).ToList();
            Assert.Equal(carry.Select(t => t.Id).Order(), notices.Select(r => r.TaskId!.Value).Distinct().Order());
        }

        if (walked)
        {
            Assert.Equal(2, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "notify.queued")); // once per commune
        }

        // The Sở's branch went on; the city UBND's waits for its communes, then the directive ends.
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
    }

    private static (ActivityExecutionStatus, int, int, int) Counts(ActivityExecution e) =>
        (e.Status, e.CompletedBranches, e.WithdrawnBranches, e.ExpectedBranches);

    private static async Task<Dictionary<Guid, string>> UnitCodesAsync(EngineHost host)
    {
        await using var db = host.Context();
        return await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, EngineHost.Cancel);
    }

    private static async Task AddDepartmentAsync(EngineHost host)
    {
        await using var db = host.Context();
        var city = await db.Localities.SingleAsync(l => l.Code == "01", EngineHost.Cancel);
        var committee = await db.Units.SingleAsync(u => u.Code == "01-COMMITTEE", EngineHost.Cancel);
        var department = TestOrganisation.Unit(city, Pillar.Committee, UnitLevel.Province, committee.Id, "Sở Xây dựng Thành phố Hà Nội");
        department.Code = "01-COMMITTEE-SXD";
        department.Kind = OrgUnitKind.Department;
        department.HeadEmail = "head.01.sxd@hanoi.gov.vn";
        db.Units.Add(department);
        await db.SaveChangesAsync(EngineHost.Cancel);
    }

    private static string Flow(bool walked)
    {
        // With a Notify first the branch is walked activity by activity, not written as task rows in bulk.
        var notice = walked ? """{"id": "heads-up", "type": "Notify", "properties": {"to": "unitHead", "subject": "Sắp giao việc", "body": "Chuẩn bị"}},""" : "";
        var each = walked
            ? """{"source": "communes", "outcome": "Each", "target": "heads-up"}, {"source": "heads-up", "outcome": "Done", "target": "carry"},"""
            : """{"source": "communes", "outcome": "Each", "target": "carry"},""";
        return $$$$"""
            {
              "id": "overlap", "name": "Sở và UBND cùng giao phường", "inputs": [],
              "activities": [
                {"id": "start", "type": "Start", "properties": {}},
                {"id": "departments", "type": "Cascade", "properties": {"targets": {"units": ["01-COMMITTEE", "01-COMMITTEE-SXD"]}, "completion": {"mode": "all"}}},
                {"id": "plan", "type": "UnitTask", "properties": {"title": "Kế hoạch", "deadline": {"workingDays": 5}}},
                {"id": "communes", "type": "Cascade", "properties": {"targets": {"counterpartsOf": "branch"}, "completion": {"mode": "all"}}},
                {"id": "carry", "type": "UnitTask", "properties": {"title": "Thực hiện", "deadline": {"workingDays": 5}}},
                {{{{notice}}}}
                {"id": "after", "type": "UnitTask", "properties": {"title": "Tổng hợp", "lead": {"units": ["01-PARTY"]}, "deadline": {"workingDays": 2}}},
                {"id": "end", "type": "End", "properties": {}}
              ],
              "connections": [
                {"source": "start", "outcome": "Done", "target": "departments"},
                {"source": "departments", "outcome": "Each", "target": "plan"},
                {"source": "plan", "outcome": "Done", "target": "communes"},
                {{{{each}}}}
                {"source": "departments", "outcome": "Done", "target": "after"},
                {"source": "after", "outcome": "Done", "target": "end"}
              ]
            }
            """;
    }
}
