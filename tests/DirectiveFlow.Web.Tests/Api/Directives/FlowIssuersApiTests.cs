using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>A flow's declared issuers bind every caller, the administrator too: the issue command answers 403 with the reason.</summary>
public sealed class FlowIssuersApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_flow_is_issued_only_for_the_units_it_allows_whoever_asks(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, DirectivesApiTests.NoMailCatcher);
        using var committee = await app.CreateClientForAsync("01-COMMITTEE");
        using var admin = await app.CreateClientForAsync("admin");
        var cityCommittee = await DirectivesApiTests.UnitIdAsync(admin, "01-COMMITTEE");
        var cityParty = await DirectivesApiTests.UnitIdAsync(admin, "01-PARTY");
        var wardCommittee = await DirectivesApiTests.UnitIdAsync(admin, "00070-COMMITTEE");

        // The People's Committee may not issue the Party's conclusion, even for its own unit.
        using var ownUnit = await IssueAsync(committee, cityCommittee, "party-conclusion", language: null);
        var problem = await RefusedAsync(ownUnit);
        Assert.Contains("Đảng", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("01-COMMITTEE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["PARTY"], problem.GetProperty("issuers").GetProperty("pillars").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["province"], problem.GetProperty("issuers").GetProperty("levels").EnumerateArray().Select(e => e.GetString()));

        // Nor may the administrator, for that unit or for a ward's committee (the committee directive is the city's).
        using var byAdmin = await IssueAsync(admin, cityCommittee, "party-conclusion", language: "en");
        Assert.Contains("may be issued only by pillar Party; level city/province", (await RefusedAsync(byAdmin)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var ward = await IssueAsync(admin, wardCommittee, "committee-directive", language: null);
        Assert.Contains("cấp thành phố, tỉnh", (await RefusedAsync(ward)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A unit the flow allows: the administrator and the committee's own issuer are answered 201.
        using var allowedByAdmin = await IssueAsync(admin, cityParty, "party-conclusion", language: null);
        Assert.True(allowedByAdmin.StatusCode == HttpStatusCode.Created, await allowedByAdmin.Content.ReadAsStringAsync(Ct));
        using var allowed = await IssueAsync(committee, cityCommittee, "committee-directive", language: null);
        Assert.True(allowed.StatusCode == HttpStatusCode.Created, await allowed.Content.ReadAsStringAsync(Ct));
        // The three refusals wrote nothing.
        Assert.Equal(2, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "Văn bản số 1", Ct)));
    }

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient client, Guid unit, string flow, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directives")
        {
            Content = JsonContent.Create(new
            {
                number = "Văn bản số 1", title = "Thử đơn vị ban hành", issuingUnitId = unit, workflowDefinitionId = flow,
                inputs = new { deadlineDays = 10 },
            }),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("issue-flow-not-for-unit", problem.GetProperty("code").GetString());
        return problem;
    }
}
