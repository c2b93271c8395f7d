using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Items;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Tests.Organisation.Import;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// Issue 16 §1: a national unit issues the national flow to every province and reads the whole country; a province
/// unit may not issue it and reads neither the national directive nor another province's.
/// </summary>
public sealed class NationalScopeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_national_flow_reaches_every_province_and_only_national_units_may_issue_it(string provider)
    {
        await using var host = await NationalHostAsync(provider);
        await host.PublishShippedAsync("national-directive");

        // Hà Nội's committee, an issuer of its own unit, may not issue the national flow.
        var hanoi = await host.UnitIdAsync("01-COMMITTEE");
        var issuer = Caller.Of(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(DirectiveFlowClaims.UnitId, hanoi.ToString()), new Claim(ClaimTypes.Role, Roles.Issuer)], "test")));
        var refused = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new IssueDirectiveCommand(
            "Chỉ thị số 01/CT-TTg", "Về triển khai", "", Core.Directives.DirectivePriority.Normal, hanoi, "national-directive", [], "issuer", issuer)));
        Assert.Equal(ErrorCodes.IssueFlowNotForUnit, refused.Problem.Code);

        var issued = await host.IssueAsync("national-directive", "VN-COMMITTEE", """{"deadlineDays": 20}""");
        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId);
        await using var db = host.Context();
        var codes = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code, EngineHost.Cancel);
        Assert.Equal(
            ["01-COMMITTEE", "01-COUNCIL", "01-FRONT", "01-PARTY", "48-COMMITTEE", "48-COUNCIL", "48-FRONT", "48-PARTY"],
            plans.Select(t => codes[t.UnitId]).Order(StringComparer.Ordinal));
        Assert.All(plans, t => Assert.Equal("province-plan", t.ActivityId));

        // Đà Nẵng's committee plans and re-cascades to its own two wards' committees, not Hà Nội's.
        var danang = plans.Single(t => codes[t.UnitId] == "48-COMMITTEE");
        await host.SendAsync(new Infrastructure.Engine.Commands.ResumeTaskCommand(danang.Id, "Done", "officer"));
        var wards = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry-out");
        Assert.Equal(["20194-COMMITTEE", "20200-COMMITTEE"], wards.Select(t => codes[t.UnitId]).Order(StringComparer.Ordinal));
        Assert.All(wards, t => Assert.Equal(danang.UnitId, t.AssignerUnitId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_national_unit_reads_every_directive_and_a_province_unit_only_its_own_province(string provider)
    {
        await using var host = await NationalHostAsync(provider);
        await host.PublishShippedAsync("national-directive");
        await host.PublishShippedAsync("party-conclusion");
        var national = await host.IssueAsync("national-directive", "VN-COMMITTEE");
        var hanoi = await host.IssueAsync("party-conclusion", "01-PARTY");
        var danang = await host.IssueAsync("party-conclusion", "48-PARTY");

        Assert.Equal([national.Id, hanoi.Id, danang.Id], await ReadableAsync(host, "VN-PARTY"));
        Assert.Equal([hanoi.Id], await ReadableAsync(host, "01-COMMITTEE"));
        Assert.Equal([hanoi.Id], await ReadableAsync(host, "00004-FRONT"));
        Assert.Equal([danang.Id], await ReadableAsync(host, "48-PARTY"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_national_caller_names_units_in_every_province_when_parsing_items(string provider)
    {
        await using var host = await NationalHostAsync(provider);
        var text = "1. Giao UBND Thành phố Đà Nẵng chủ trì, phối hợp UBND Thành phố Hà Nội rà soát hồ sơ trước ngày 15/12/2026.";
        await using var scope = host.Services.CreateAsyncScope();
        var parsed = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
            .Send(new ParseItemsQuery(text, await host.UnitIdAsync("VN-COMMITTEE")), EngineHost.Cancel);

        // Before, a national caller's "province" was the country's locality: no province unit was found.
        var item = Assert.Single(parsed.Items);
        Assert.Equal("48-COMMITTEE", item.Lead?.Code);
        Assert.Equal(["01-COMMITTEE"], item.Supporting.Select(s => s.Code));
    }

    private static async Task<List<Guid>> ReadableAsync(EngineHost host, string unitCode)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(DirectiveFlowClaims.UnitId, (await host.UnitIdAsync(unitCode)).ToString())], "test"));
        await using var db = host.Context();
        var reader = await DirectiveReader.ForAsync(db, user, EngineHost.Cancel);
        return await reader.Filter(db, db.Directives).OrderBy(d => d.CreatedAt).Select(d => d.Id).ToListAsync(EngineHost.Cancel);
    }

    private static async Task<EngineHost> NationalHostAsync(string provider)
    {
        var host = await EngineHost.CreateAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
            .ImportAsync(System.Text.Encoding.UTF8.GetBytes(NationalTierImportTests.TwoProvinces.ReplaceLineEndings("\n")), EngineHost.Cancel);
        Assert.True(import.Succeeded);
        return host;
    }
}
