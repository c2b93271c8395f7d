using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Infrastructure.Organisation.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

public sealed class ShippedFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_two_provinces_imported_a_Hanoi_conclusion_reaches_only_Hanoi_units(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        const string TwoProvinces = """
            province_code,province_name,code,name,type
            01,Thành phố Hà Nội,00004,Ba Đình,phuong
            01,Thành phố Hà Nội,00008,Ngọc Hà,phuong
            48,Thành phố Đà Nẵng,20194,Hải Châu,phuong
            48,Thành phố Đà Nẵng,20200,Thanh Khê,phuong
            """;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(System.Text.Encoding.UTF8.GetBytes(TwoProvinces.ReplaceLineEndings("\n")), EngineHost.Cancel);
            Assert.True(import.Succeeded);
        }

        await host.PublishShippedAsync("party-conclusion");
        var issued = await host.IssueAsync("party-conclusion", "01-PARTY", """{"deadlineDays": 20}""");

        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId);
        await using (var db = host.Context())
        {
            var codes = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code, EngineHost.Cancel);
            Assert.Equal(["01-COMMITTEE", "01-COUNCIL", "01-FRONT", "01-PARTY"], plans.Select(t => codes[t.UnitId]).Order());
            foreach (var plan in plans)
            {
                await host.SendAsync(new Infrastructure.Engine.Commands.ResumeTaskCommand(plan.Id, "Done", "officer"));
            }

            var wards = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry-out");
            Assert.Equal(8, wards.Count);
            Assert.All(wards, t => Assert.True(codes[t.UnitId].StartsWith("00004-", StringComparison.Ordinal) || codes[t.UnitId].StartsWith("00008-", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Party_conclusion_on_the_imported_Hanoi_list_creates_4_city_plan_tasks_then_504_ward_tasks_and_completes(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, EngineHost.Cancel), EngineHost.Cancel);
            Assert.True(import.Succeeded);
        }

        await using (var db = host.Context())
        {
            await db.Units.Where(u => u.Code == "01-PARTY")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, "vanphong@thanhuy.hanoi.gov.vn"), EngineHost.Cancel);
        }

        await host.PublishShippedAsync("party-conclusion");
        var issued = await host.IssueAsync("party-conclusion", "01-PARTY", """{"deadlineDays": 20}""");

        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId);
        Assert.Equal(4, plans.Count);
        Assert.All(plans, t => Assert.Equal("action-plan", t.ActivityId));
        Assert.All(plans, t => Assert.Contains("Kết luận số 15-KL/TU", t.Title, StringComparison.Ordinal));

        foreach (var plan in plans)
        {
            await host.SendAsync(new Infrastructure.Engine.Commands.ResumeTaskCommand(plan.Id, "Done", "officer"));
        }

        var wards = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry-out");
        Assert.Equal(504, wards.Count);
        Assert.Equal(504, wards.Select(t => t.UnitId).Distinct().Count());
        Assert.All(wards, t => Assert.True(t.RequiresReview));
        Assert.All(wards, t => Assert.Equal(ProgressCadence.Weekly, t.ProgressCadence));
        await using (var db = host.Context())
        {
            // Each ward task is assigned (and reviewed) by its pillar's city unit, never by the issuer of the conclusion.
            var cityUnits = await db.Units.Where(u => u.LocalityCode == "01").ToDictionaryAsync(u => u.Id, u => u.Pillar, EngineHost.Cancel);
            var wardPillars = await db.Units.Where(u => u.LocalityCode != "01").ToDictionaryAsync(u => u.Id, u => u.Pillar, EngineHost.Cancel);
            Assert.All(wards, t => Assert.Equal(wardPillars[t.UnitId], cityUnits[t.AssignerUnitId]));
        }

        await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);

        var instance = await FlowDriver.InstanceAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Completed, instance.Status);
        await using var read = host.Context();
        Assert.Equal(4 + 504 + 4, await read.Tasks.CountAsync(t => t.InstanceId == issued.InstanceId, EngineHost.Cancel));
        await Notices.SentNotices.ExpandAllAsync(read, EngineHost.Cancel);
        Assert.Equal(1, await read.Outbox.CountAsync(m => m.DirectiveId == issued.Id && m.DedupeKey.StartsWith("notify:"), EngineHost.Cancel));
        // Every task was given to its unit once: 4 city plans, 504 ward tasks, 4 city reports.
        Assert.Equal(4 + 504 + 4, await read.Outbox.CountAsync(m => m.DirectiveId == issued.Id && m.Template == "assigned", EngineHost.Cancel));
        Assert.Equal(5, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "cascade.completed"));
    }

    [Theory]
    [MemberData(nameof(FlowsOnProviders))]
    public async Task Every_shipped_flow_runs_from_issue_to_end(string provider, string flowId, string issuerCode)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 6);
        }

        await host.PublishShippedAsync(flowId);
        var issued = await host.IssueAsync(flowId, issuerCode);
        Assert.NotEmpty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));

        var rounds = await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);

        Assert.True(rounds >= 1);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "instance.completed"));
        await using var read = host.Context();
        Assert.False(await read.ActivityExecutions.AnyAsync(
            e => e.InstanceId == issued.InstanceId && e.Status == ActivityExecutionStatus.Waiting, EngineHost.Cancel));
    }

    public static TheoryData<string, string, string> FlowsOnProviders()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in new[] { "Sqlite", "PostgreSql" })
        {
            data.Add(provider, "party-conclusion", "01-PARTY");
            data.Add(provider, "committee-directive", "01-COMMITTEE");
            data.Add(provider, "council-supervision", "01-COUNCIL");
            data.Add(provider, "front-supervision", "01-FRONT");
        }

        return data;
    }
}
