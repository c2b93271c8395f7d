using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Engine.Recovery;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

public sealed class IssueTargetsTests
{
    private const string Wards = "ward-counterparts";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Party_conclusion_issued_to_three_wards_reaches_exactly_the_pillar_units_of_those_wards(string provider)
    {
        await using var host = await SeededAsync(provider, communes: 10);
        await host.PublishShippedAsync("party-conclusion");

        var issued = await IssueAsync(host, new() { [Wards] = new(LocalityCodes: ["00004", "00070", "00025", "00070"]) });
        // Before the plans are done, the units waiting for the ward cascade are the chosen ones only: 3 per city pillar.
        var waiting = await host.QueryAsync(new ListNotReachedQuery(issued.Id, ReportScope.Everything));
        Assert.Equal([3, 3, 3, 3], waiting.Select(w => w.UnitsWaiting));
        await CompletePlansAsync(host, issued.InstanceId);

        var reached = await UnitCodesAsync(host, issued.InstanceId, "carry-out");
        string[] wards = ["00004", "00025", "00070"];
        Assert.Equal(wards.SelectMany(w => new[] { "COMMITTEE", "COUNCIL", "FRONT", "PARTY" }.Select(p => $"{w}-{p}")).Order(), reached);
        var detail = await host.QueryAsync(new GetDirectiveQuery(issued.Id));
        Assert.NotNull(detail?.Targets);
        Assert.Equal(wards, detail.Targets[Wards]!["localityCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal(12, detail.Targets[Wards]!["unitCodes"]!.AsArray().Count);
        Assert.False(detail.Inputs.ContainsKey("$targets"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chosen_unit_codes_narrow_each_pillar_branch_to_its_own_chosen_units(string provider)
    {
        await using var host = await SeededAsync(provider, communes: 4);
        await host.PublishShippedAsync("party-conclusion");

        var issued = await IssueAsync(host, new() { [Wards] = new(UnitCodes: ["00004-PARTY", " 00008-COUNCIL ", "00004-PARTY"]) });
        await CompletePlansAsync(host, issued.InstanceId);

        Assert.Equal(["00004-PARTY", "00008-COUNCIL"], await UnitCodesAsync(host, issued.InstanceId, "carry-out"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refused_targets_name_each_bad_code_with_its_line_and_nothing_is_written(string provider)
    {
        await using var host = await SeededAsync(provider, communes: 4);
        await host.PublishShippedAsync("party-conclusion");

        var codes = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host,
            new() { [Wards] = new(UnitCodes: ["00004-PARTY", "99999-PARTY", "01-COUNCIL"]) }));
        var communes = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host,
            new() { [Wards] = new(LocalityCodes: ["00004", "", "12345"]) }));
        var empty = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, new() { [Wards] = new(UnitCodes: []) }));
        var activities = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, new()
        {
            ["city-pillars"] = new(UnitCodes: ["01-PARTY"]),
            ["action-plan"] = new(UnitCodes: ["01-PARTY"]),
            ["nowhere"] = new(UnitCodes: ["01-PARTY"]),
        }));
        var both = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, new() { [Wards] = new(["00004-PARTY"], ["00004"]) }));

        FieldErrorAssert.Single(codes, $"targets.{Wards}.unitCodes[1]", ErrorCodes.TargetUnknownCode, "99999-PARTY", 2);
        FieldErrorAssert.Single(codes, $"targets.{Wards}.unitCodes[2]", ErrorCodes.TargetOutsideSet, "01-COUNCIL", 3);
        Assert.Equal(2, codes.Errors.Count);
        FieldErrorAssert.Single(communes, $"targets.{Wards}.localityCodes[2]", ErrorCodes.TargetUnknownCode, "12345", 3);
        Assert.Single(communes.Errors);
        FieldErrorAssert.Single(empty, $"targets.{Wards}.unitCodes", ErrorCodes.TargetsEmpty);
        FieldErrorAssert.Single(activities, "targets.city-pillars", ErrorCodes.TargetsNotNarrowable, "city-pillars");
        FieldErrorAssert.Single(activities, "targets.action-plan", ErrorCodes.TargetsNotCascade, "action-plan");
        FieldErrorAssert.Single(activities, "targets.nowhere", ErrorCodes.TargetsUnknownActivity, "nowhere");
        FieldErrorAssert.Single(both, $"targets.{Wards}", ErrorCodes.TargetsOneList);
        Assert.Equal("Dòng 2: không có mã '99999-PARTY'.", codes.Errors[$"targets.{Wards}.unitCodes[1]"][0].Text(english: false));
        await using var read = host.Context();
        Assert.Equal(0, await read.Directives.CountAsync(EngineHost.Cancel));
        Assert.Equal(0, await read.WorkflowInstances.CountAsync(EngineHost.Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_narrowed_cascade_resumed_after_a_crash_between_batches_still_reaches_only_the_chosen_units(string provider)
    {
        var crash = new CrashAfterBatch(1);
        await using var host = await EngineHost.CreateAsync(provider, CascadeRecoveryTests.SmallBatches, crash);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 30);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}""").Replace("\"targets\":", "\"narrowable\": true, \"targets\":", StringComparison.Ordinal));
        var communes = (await File.ReadAllLinesAsync(ReferenceData.HanoiCommunesCsv, EngineHost.Cancel)).Skip(1).Take(20).Select(l => l.Split(',')[0]).ToList();
        var chosen = communes.Where((_, i) => i % 2 == 0).SelectMany(c => new[] { $"{c}-PARTY", $"{c}-FRONT", $"{c}-COUNCIL" }).ToList();
        var issuer = await host.UnitIdAsync("01-PARTY");
        await Assert.ThrowsAsync<CrashAfterBatch.SimulatedCrashException>(() => host.SendAsync(
            new IssueDirectiveCommand("1", "T", "", DirectivePriority.Normal, issuer, "wide", [], "x", Caller.System)
            {
                Targets = new Dictionary<string, TargetChoice> { ["fan-out"] = new(UnitCodes: chosen) },
            }));
        await using (var db = host.Context())
        {
            var cascade = await db.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
            Assert.Equal((30, 25), (cascade.ExpectedBranches, cascade.WrittenBranches));
        }

        crash.Disarm();
        Assert.Equal(1, await host.Services.GetRequiredService<EngineRecoveryService>().RecoverAsync(EngineHost.Cancel));

        await CascadeRecoveryTests.AssertExactlyOneTaskPerUnitAsync(host, 30);
        var instanceId = await CascadeRecoveryTests.InstanceIdAsync(host);
        Assert.Equal(chosen.Order(StringComparer.Ordinal), await UnitCodesAsync(host, instanceId, "work"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_choosable_set_of_the_party_conclusion_is_every_ward_pillar_unit_of_the_issuers_city_with_its_commune(string provider)
    {
        await using var host = await SeededAsync(provider, communes: 3);
        await host.PublishShippedAsync("party-conclusion");

        var cascades = await host.QueryAsync(new ListChoosableTargetsQuery("party-conclusion", await host.UnitIdAsync("01-PARTY")));

        var cascade = Assert.Single(cascades!);
        Assert.Equal(Wards, cascade.ActivityId);
        Assert.Equal(12, cascade.Units.Count);
        Assert.Contains(new TargetOption("00004-PARTY", "Đảng ủy Ba Đình", "00004", "Ba Đình"), cascade.Units);
        Assert.Null(await host.QueryAsync(new ListChoosableTargetsQuery("nope", await host.UnitIdAsync("01-PARTY"))));
    }

    private static async Task<IssueDirectiveResult> IssueAsync(EngineHost host, Dictionary<string, TargetChoice> targets) =>
        await host.SendAsync(new IssueDirectiveCommand("15-KL/TU", "Về Vành đai 4", "", DirectivePriority.Normal,
            await host.UnitIdAsync("01-PARTY"), "party-conclusion", new JsonObject { ["deadlineDays"] = 20 }, "x", Caller.System)
        {
            Targets = targets,
        });

    private static async Task CompletePlansAsync(EngineHost host, Guid instanceId)
    {
        var plans = await FlowDriver.OpenTasksAsync(host, instanceId, "action-plan");
        Assert.Equal(4, plans.Count);
        foreach (var plan in plans)
        {
            await host.SendAsync(new ResumeTaskCommand(plan.Id, "Done", "officer"));
        }
    }

    private static async Task<List<string>> UnitCodesAsync(EngineHost host, Guid instanceId, string activityId)
    {
        await using var db = host.Context();
        return (await (from t in db.Tasks
                       where t.InstanceId == instanceId && t.ActivityId == activityId
                       join u in db.Units on t.UnitId equals u.Id
                       select u.Code).ToListAsync(EngineHost.Cancel)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<EngineHost> SeededAsync(string provider, int communes)
    {
        var host = await EngineHost.CreateAsync(provider);
        await using var db = host.Context();
        await TestOrganisation.SeedHanoiAsync(db, communeLimit: communes);
        return host;
    }
}
