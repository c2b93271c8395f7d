using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;

namespace DirectiveFlow.Web.Tests.Api.Reports;

/// <summary>The leadership overview API: its contract, who may read it, and the scope every figure is computed in.</summary>
public sealed class ReportsApiTests
{
    private static readonly string[] CountNames =
        ["total", "completedOnTime", "completedLate", "openWithinDeadline", "openOverdue", "dueSoon", "notAcknowledged", "notYetReached"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_overview_ranking_and_not_reached_answer_the_contract_and_agree(string provider)
    {
        await using var world = await ReportsApiWorld.CreateAsync(provider);
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");

        var overview = await ReportsApiWorld.GetAsync(issuer, "/api/reports/overview");
        var units = await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?level=all&pageSize=100");
        var notReached = await ReportsApiWorld.GetAsync(issuer, $"/api/directives/{world.Conclusion}/not-reached");

        Assert.Equal(["asOf", "totals", "byPillar", "byPillarAndLevel", "trend"], Names(overview));
        var totals = overview.GetProperty("totals");
        Assert.Equal(CountNames, Names(totals));
        Assert.Equal(new[] { 12, 2, 1, 7, 2, 3, 9, 12 }, CountNames.Select(n => totals.GetProperty(n).GetInt32()));
        Assert.Equal(["pillar", .. CountNames], Names(overview.GetProperty("byPillar")[0]));
        Assert.Equal(["pillar", "level", .. CountNames], Names(overview.GetProperty("byPillarAndLevel")[0]));
        Assert.Equal(["weekStart", "opened", "completedOnTime", "completedLate", "overdueAtEnd"], Names(overview.GetProperty("trend")[0]));
        Assert.Equal(12, overview.GetProperty("trend").GetArrayLength());
        Assert.Equal("2026-03-02", overview.GetProperty("trend")[11].GetProperty("weekStart").GetString());

        Assert.Equal(["items", "total", "page", "pageSize"], Names(units));
        Assert.Equal(
            ["rank", "unitId", "unitCode", "unitName", "pillar", "level", "localityCode", "total", "completedOnTime", "completedLate",
             "openWithinDeadline", "openOverdue", "onTimeRate", "maxDaysOverdue", "chases"],
            Names(units.GetProperty("items")[0]));
        foreach (var name in new[] { "total", "completedOnTime", "completedLate", "openWithinDeadline", "openOverdue" })
        {
            Assert.Equal(totals.GetProperty(name).GetInt32(), units.GetProperty("items").EnumerateArray().Sum(u => u.GetProperty(name).GetInt32()));
        }

        Assert.Equal(["upstreamTaskId", "unitId", "unitName", "daysOverdue", "unitsWaiting"], Names(notReached[0]));
        Assert.Equal(3, notReached.GetArrayLength());
        Assert.Equal(4, notReached[0].GetProperty("daysOverdue").GetInt32());
        Assert.Equal(12, notReached.EnumerateArray().Sum(n => n.GetProperty("unitsWaiting").GetInt32()));

        var list = await ReportsApiWorld.GetAsync(issuer, "/api/directives");
        var conclusion = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == world.Conclusion);
        Assert.Equal(8, conclusion.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(1, conclusion.GetProperty("overdueUnits").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.FromHours(7)), conclusion.GetProperty("nextDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_officers_403_and_heads_issuers_observers_and_administrators_their_reports()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        string[] reports = ["/api/reports/overview", "/api/reports/units"];
        using var anonymous = world.App.CreateClient();
        using var officer = await world.App.CreateClientForAsync("00070-PARTY");
        foreach (var url in reports.Append($"/api/directives/{world.Conclusion}/not-reached"))
        {
            using var refused = await anonymous.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            using var forbidden = await officer.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        }

        foreach (var user in new[] { "admin", "observer", "01-COMMITTEE", "00070-PARTY.head" })
        {
            using var client = await world.App.CreateClientForAsync(user);
            foreach (var url in reports)
            {
                using var allowed = await client.GetAsync(url, Ct);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_ward_head_never_sees_a_number_from_outside_their_subtree()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var head = await world.App.CreateClientForAsync("00070-PARTY.head");
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");

        var mine = await ReportsApiWorld.GetAsync(head, "/api/reports/overview");
        var all = await ReportsApiWorld.GetAsync(issuer, "/api/reports/overview");
        var ranking = await ReportsApiWorld.GetAsync(head, "/api/reports/units?level=all");

        // Only the ward Party committee's own task (open, not acknowledged); the city's plans and the other wards are out of sight.
        Assert.Equal(new[] { 1, 0, 0, 1, 0, 0, 1, 0 }, CountNames.Select(n => mine.GetProperty("totals").GetProperty(n).GetInt32()));
        Assert.Equal(12, all.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal("00070-PARTY", ranking.GetProperty("items").EnumerateArray().Single().GetProperty("unitCode").GetString());
        Assert.All(mine.GetProperty("byPillarAndLevel").EnumerateArray().Where(c => c.GetProperty("pillar").GetString() != "PARTY"),
            c => Assert.All(CountNames, n => Assert.Equal(0, c.GetProperty(n).GetInt32())));
        Assert.All(mine.GetProperty("trend").EnumerateArray(), w => Assert.True(w.GetProperty("opened").GetInt32() <= 1));
    }

    [Fact]
    public async Task The_ranking_sorts_by_each_column_pages_and_searches_without_diacritics()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");

        var wards = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, wards.Count);
        Assert.All(wards, u => Assert.Equal("commune", u.GetProperty("level").GetString()));
        Assert.Equal(Enumerable.Range(1, 8), wards.Select(u => u.GetProperty("rank").GetInt32()));
        Assert.Equal("00613-COMMITTEE", wards[0].GetProperty("unitCode").GetString());
        Assert.Equal((1, 0.0, 1, 0), (wards[0].GetProperty("openOverdue").GetInt32(), wards[0].GetProperty("onTimeRate").GetDouble(),
            wards[0].GetProperty("maxDaysOverdue").GetInt32(), wards[0].GetProperty("chases").GetInt32()));

        var page2 = await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?pageSize=3&page=2");
        Assert.Equal((8, 2, 3), (page2.GetProperty("total").GetInt32(), page2.GetProperty("page").GetInt32(), page2.GetProperty("pageSize").GetInt32()));
        Assert.Equal(wards.Skip(3).Take(3).Select(u => u.GetProperty("unitCode").GetString()),
            page2.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()));
        Assert.Equal(4, page2.GetProperty("items")[0].GetProperty("rank").GetInt32());

        var byRate = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?sort=onTimeRate")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["00613-COMMITTEE", "00070-COMMITTEE", "00004-COMMITTEE"], byRate.Take(3).Select(u => u.GetProperty("unitCode").GetString()));
        Assert.All(byRate.Skip(3), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("onTimeRate").ValueKind));
        var bestFirst = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?sort=onTimeRate&desc=true")).GetProperty("items");
        Assert.Equal("00004-COMMITTEE", bestFirst[0].GetProperty("unitCode").GetString());
        var late = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?sort=completedLate")).GetProperty("items");
        Assert.Equal("00070-COMMITTEE", late[0].GetProperty("unitCode").GetString());
        var longest = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?sort=maxDaysOverdue&level=province")).GetProperty("items");
        Assert.Equal(("01-COUNCIL", 4), (longest[0].GetProperty("unitCode").GetString(), longest[0].GetProperty("maxDaysOverdue").GetInt32()));

        var found = (await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?q=hoan%20kiem")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["00070-COMMITTEE", "00070-PARTY"], found.Select(u => u.GetProperty("unitCode").GetString()).Order());
        var party = await ReportsApiWorld.GetAsync(issuer, "/api/reports/units?pillar=PARTY");
        Assert.Equal(4, party.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_parameter_is_a_400_naming_the_field_with_its_code_in_one_language()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var admin = await world.App.CreateClientForAsync("admin");
        (string Url, string Field)[] cases =
        [
            ("/api/reports/overview?from=2026-02-30", "from"),
            ("/api/reports/overview?from=2026-03-05&to=2026-03-01", "to"),
            ("/api/reports/overview?pillar=ARMY", "pillar"),
            ("/api/reports/overview?priority=Soon", "priority"),
            ("/api/reports/overview?issuingUnitId=x", "issuingUnitId"),
            ("/api/reports/overview?localityCode=99999", "localityCode"),
            ("/api/reports/overview?documentType=KetLuan", "documentType"),
            ("/api/reports/units?sort=name", "sort"),
            ("/api/reports/units?desc=maybe", "desc"),
            ("/api/reports/units?level=district", "level"),
            ("/api/reports/units?page=0", "page"),
            ("/api/reports/units?pageSize=501", "pageSize"),
        ];

        foreach (var (url, field) in cases)
        {
            using var response = await admin.GetAsync(url, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
            Assert.Matches(@"^\S", message);
            Assert.DoesNotContain(" / ", message, StringComparison.Ordinal); // one language: Vietnamese, as no Accept-Language was sent
            Assert.Matches("^[a-z-]+$", problem.GetProperty("codes").GetProperty(field)[0].GetString()!);
        }

        using var fine = await admin.GetAsync("/api/reports/overview?from=2026-03-01&to=2026-03-31&pillar=party&priority=normal&localityCode=01", Ct);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    /// <summary>Regression: 9999-12-31 has no next day and 0001-01-01 at UTC+7 precedes DateTimeOffset.MinValue: both were 500s.</summary>
    [Fact]
    public async Task A_day_outside_the_years_2000_to_9998_is_a_400_naming_its_field_not_a_server_error()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var admin = await world.App.CreateClientForAsync("admin");
        (string Url, string Field)[] cases =
        [
            ("/api/reports/overview?to=9999-12-31", "to"),
            ("/api/reports/overview?from=0001-01-01", "from"),
            ("/api/reports/overview?from=1999-12-31", "from"),
            ("/api/reports/overview?to=9999-12-31T00:00:00Z", "to"),
        ];

        foreach (var (url, field) in cases)
        {
            using var response = await admin.GetAsync(url, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("not-a-date", problem.GetProperty("codes").GetProperty(field)[0].GetString());
        }

        using var edges = await admin.GetAsync("/api/reports/overview?from=2000-01-01&to=9998-12-31", Ct);
        Assert.Equal(HttpStatusCode.OK, edges.StatusCode);
    }
}
