using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>Issue 13 §2 through HTTP: the set an issuer may choose from, issuing to chosen wards, refusals naming each code's line.</summary>
public sealed class DirectiveTargetsApiTests
{
    private const string Wards = "ward-counterparts";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issuer_lists_the_wards_it_may_choose_and_issues_to_three_of_them(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        using var ward = await app.CreateClientForAsync("00070-PARTY");

        var set = await issuer.GetFromJsonAsync<JsonElement>($"/api/workflows/party-conclusion/targets/{Wards}", Ct);
        var units = set.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(16, units.Count);
        Assert.Contains(units, u => u.GetProperty("unitCode").GetString() == "00070-PARTY" && u.GetProperty("localityName").GetString() == "Hoàn Kiếm");
        using (var notNarrowable = await issuer.GetAsync("/api/workflows/party-conclusion/targets/city-pillars", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, notNarrowable.StatusCode);
        }

        using (var notAnIssuer = await ward.GetAsync("/api/workflows/party-conclusion/targets", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAnIssuer.StatusCode);
        }

        var party = await DirectivesApiTests.UnitIdAsync(issuer, "01-PARTY");
        using var admin = await app.CreateClientForAsync("admin");
        var forParty = await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/party-conclusion/targets?issuingUnitId={party}", Ct);
        Assert.Equal(16, Assert.Single(forParty.EnumerateArray()).GetProperty("units").GetArrayLength());
        using (var refused = await issuer.PostAsJsonAsync("/api/directives", Body(party, new { unitCodes = new[] { "00070-PARTY", "99999-PARTY", "01-FRONT" } }), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Equal("Dòng 2: không có mã '99999-PARTY'.", errors.GetProperty($"targets.{Wards}.unitCodes[1]")[0].GetString());
            Assert.Contains("Dòng 3: '01-FRONT'", errors.GetProperty($"targets.{Wards}.unitCodes[2]")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "Kết luận số 9-KL/TU", Ct)));
        using var issued = await issuer.PostAsJsonAsync("/api/directives", Body(party, new { localityCodes = new[] { "00070", "00004", "00613" } }), Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Ct));
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        var chosen = detail.GetProperty("targets").GetProperty(Wards);
        Assert.Equal(["00004", "00070", "00613"], chosen.GetProperty("localityCodes").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.Equal(12, chosen.GetProperty("unitCodes").GetArrayLength());
        Assert.False(detail.GetProperty("inputs").TryGetProperty("$targets", out _));
    }

    /// <summary>Regression: a null choice (JSON does not enforce nullability) crashed the issue with a 500.</summary>
    [Fact]
    public async Task A_null_target_choice_is_refused_under_its_activity_not_a_server_error()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var party = await DirectivesApiTests.UnitIdAsync(issuer, "01-PARTY");

        var body = new JsonObject
        {
            ["number"] = "1", ["title"] = "t", ["issuingUnitId"] = party, ["workflowDefinitionId"] = "party-conclusion",
            ["targets"] = new JsonObject { [Wards] = null },
        };
        using var refused = await issuer.PostAsJsonAsync("/api/directives", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("Chọn đơn vị nhận bằng một danh sách: mã đơn vị hoặc mã phường, xã (không cả hai).", errors.GetProperty($"targets.{Wards}")[0].GetString());
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "1", Ct)));
    }

    private static object Body(Guid party, object wards) => new
    {
        number = "Kết luận số 9-KL/TU", title = "Về tuyến Vành đai 4", issuingUnitId = party, workflowDefinitionId = "party-conclusion",
        inputs = new { deadlineDays = 20 }, targets = new Dictionary<string, object> { [Wards] = wards },
    };
}
