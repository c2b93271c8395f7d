using System.Diagnostics;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// Issue 16 §1 end to end on the national list: Chính phủ issues the shipped national flow → a plan task for each
/// province pillar unit → each, once planned, re-cascades to its own communes' counterparts; every count is read from
/// the imported data, not assumed.
/// </summary>
public sealed class NationalDirectiveFlowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_national_directive_reaches_every_province_and_through_their_plans_every_commune(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(await File.ReadAllBytesAsync(ReferenceData.VietnamCommunesCsv, EngineHost.Cancel), EngineHost.Cancel);
            Assert.True(import.Succeeded);
        }

        int provinceUnits, communeUnits, provinces;
        await using (var db = host.Context())
        {
            provinces = await db.Localities.CountAsync(l => l.Type == LocalityType.Province, EngineHost.Cancel);
            provinceUnits = await db.Units.CountAsync(u => u.Level == UnitLevel.Province && u.Kind == OrgUnitKind.PillarUnit && u.IsActive, EngineHost.Cancel);
            communeUnits = await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.Kind == OrgUnitKind.PillarUnit && u.IsActive, EngineHost.Cancel);
        }

        Assert.Equal((34, 34 * 4), (provinces, provinceUnits));
        Assert.Equal(3321 * 4, communeUnits);

        await host.PublishShippedAsync("national-directive");
        var clock = Stopwatch.StartNew();
        var issued = await host.IssueAsync("national-directive", "VN-COMMITTEE", """{"deadlineDays": 20}""");
        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId);
        Assert.Equal(provinceUnits, plans.Count);
        Assert.All(plans, t => Assert.Equal("province-plan", t.ActivityId));

        foreach (var plan in plans)
        {
            Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(plan.Id, "Done", "officer")));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: issue + {plans.Count} plans completed in {clock.ElapsedMilliseconds} ms");
        await using var read = host.Context();
        var tasks = read.Tasks.AsNoTracking().Where(t => t.InstanceId == issued.InstanceId);
        Assert.Equal(communeUnits, await tasks.CountAsync(t => t.ActivityId == "carry-out", EngineHost.Cancel));
        Assert.Equal(provinceUnits + communeUnits, await tasks.CountAsync(EngineHost.Cancel));
        Assert.Equal(communeUnits, await tasks.Select(t => t.UnitId).Where(id => read.Units.Any(u => u.Id == id && u.Level == UnitLevel.Commune)).Distinct().CountAsync(EngineHost.Cancel));
        // Each commune's task was assigned by its own province's unit of the same pillar (its parent unit), whose plan is done.
        var underOwnProvince = await (from t in tasks.Where(t => t.ActivityId == "carry-out")
                                      join unit in read.Units on t.UnitId equals unit.Id
                                      where unit.ParentId == t.AssignerUnitId
                                      select t.Id).CountAsync(EngineHost.Cancel);
        Assert.Equal(communeUnits, underOwnProvince);
        await Notices.SentNotices.ExpandAllAsync(read, EngineHost.Cancel);
        Assert.Equal(provinceUnits + communeUnits,
            await read.Outbox.CountAsync(m => m.DirectiveId == issued.Id && m.Template == "assigned", EngineHost.Cancel));
    }
}
