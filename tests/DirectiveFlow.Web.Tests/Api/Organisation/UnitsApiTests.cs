using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Organisation;

public sealed class UnitsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<DirectiveFlowWebFactory> WithHanoiAsync(string provider)
    {
        var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        var csv = new ByteArrayContent(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct)) { Headers = { ContentType = new("text/csv") } };
        using var response = await admin.PostAsync("/api/org/localities/import", csv, Ct);
        response.EnsureSuccessStatusCode();
        return app;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Units_filter_by_pillar_level_locality_and_text_and_page_through_the_rest(string provider)
    {
        await using var app = await WithHanoiAsync(provider);
        using var client = await app.CreateClientForAsync("observer");

        var party = await client.GetFromJsonAsync<JsonElement>("/api/units?pillar=PARTY&level=commune&page=3&pageSize=50", Ct);
        Assert.Equal(126, party.GetProperty("total").GetInt32());
        Assert.Equal((3, 50), (party.GetProperty("page").GetInt32(), party.GetProperty("pageSize").GetInt32()));
        var items = party.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(26, items.Count);
        Assert.All(items, u => Assert.Equal("Party", u.GetProperty("pillar").GetString()));
        Assert.All(items, u => Assert.EndsWith("-PARTY", u.GetProperty("code").GetString(), StringComparison.Ordinal));

        var hoanKiem = await client.GetFromJsonAsync<JsonElement>("/api/units?locality=00070", Ct);
        Assert.Equal(4, hoanKiem.GetProperty("total").GetInt32());
        var first = hoanKiem.GetProperty("items")[0];
        Assert.Equal("00070", first.GetProperty("localityCode").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("parentId").ValueKind);
        Assert.True(first.GetProperty("isActive").GetBoolean());
        Assert.EndsWith(".head@demo.directiveflow.vn", first.GetProperty("headEmail").GetString(), StringComparison.Ordinal);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/units?q=t%C3%A2y%20t%E1%BB%B1u", Ct);
        Assert.Equal(4, search.GetProperty("total").GetInt32());

        var city = await client.GetFromJsonAsync<JsonElement>("/api/units?level=province", Ct);
        Assert.Equal(
            ["01-COMMITTEE", "01-COUNCIL", "01-FRONT", "01-PARTY"],
            city.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Text_search_ignores_case_of_Vietnamese_letters(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = await app.CreateClientForAsync("observer");

        foreach (var text in new[] { "ĐẢNG ỦY PHƯỜNG HOÀN KIẾM", "đảng ủy phường hoàn kiếm" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/units?q=" + Uri.EscapeDataString(text), Ct);
            Assert.Equal("00070-PARTY", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("pillar=ARMY")]
    [InlineData("level=district")]
    public async Task Unknown_filter_values_are_a_400_naming_the_field(string query)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await app.CreateClientForAsync("observer");

        using var response = await client.GetAsync("/api/units?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }

    [Fact]
    public async Task Unknown_unit_is_404()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await app.CreateClientForAsync("observer");

        using var response = await client.GetAsync($"/api/units/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_adds_a_residential_group_under_a_ward_committee_and_sets_its_head()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        var parent = (await admin.GetFromJsonAsync<JsonElement>("/api/units?locality=00070&pillar=COMMITTEE", Ct)).GetProperty("items")[0];

        using var created = await admin.PostAsJsonAsync("/api/units", new
        {
            parentId = parent.GetProperty("id").GetGuid(), name = "Tổ dân phố số 1", kind = "ResidentialGroup",
            headName = "Nguyễn Văn An", headEmail = "to1@hoankiem.example.vn",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("00070-COMMITTEE-1", "SubUnit", "Committee"),
            (unit.GetProperty("code").GetString(), unit.GetProperty("level").GetString(), unit.GetProperty("pillar").GetString()));
        Assert.Equal(parent.GetProperty("id").GetGuid(), unit.GetProperty("parentId").GetGuid());

        using var updated = await admin.PutAsJsonAsync($"/api/units/{unit.GetProperty("id").GetGuid()}", new { headEmail = "moi@hoankiem.example.vn" }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/units/{unit.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal("moi@hoankiem.example.vn", after.GetProperty("headEmail").GetString());
        Assert.Equal("Nguyễn Văn An", after.GetProperty("headName").GetString());
        Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync("00070-COMMITTEE-1.head")));
    }

    [Fact]
    public async Task Invalid_sub_unit_edits_are_400_with_field_errors_and_officers_are_forbidden()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        using var officer = await app.CreateClientForAsync("00070-COMMITTEE");
        var pillarUnit = (await admin.GetFromJsonAsync<JsonElement>("/api/units?locality=00070&pillar=PARTY", Ct)).GetProperty("items")[0];

        using var noParent = await admin.PostAsJsonAsync("/api/units", new { name = "", kind = "PillarUnit", headEmail = "not-an-email" }, Ct);
        var problem = await noParent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noParent.StatusCode);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["headEmail", "kind", "name", "parentId"], fields);

        using var rename = await admin.PutAsJsonAsync($"/api/units/{pillarUnit.GetProperty("id").GetGuid()}", new { name = "Tên khác" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);

        using var forbidden = await officer.PutAsJsonAsync($"/api/units/{pillarUnit.GetProperty("id").GetGuid()}", new { headName = "X" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var missing = await admin.PutAsJsonAsync($"/api/units/{Guid.NewGuid()}", new { headName = "X" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
