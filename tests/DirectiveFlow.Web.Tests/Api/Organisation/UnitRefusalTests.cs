using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Problems;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Organisation;

/// <summary>Issue 14 §4: unit names within their limit, and no unit above itself — directly or through a longer loop.</summary>
public sealed class UnitRefusalTests(ProviderAppsFixture apps) : IClassFixture<ProviderAppsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_ten_thousand_character_unit_name_is_refused_and_one_at_the_limit_is_stored(string provider)
    {
        var app = await apps.OnAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusal below is asserted in English
        var ward = await app.UnitIdAsync("00070-COMMITTEE");

        using var tooLong = await admin.PostAsJsonAsync("/api/units", new { parentId = ward, name = new string('T', 10_000), kind = "ResidentialGroup" }, Ct);
        using var atLimit = await admin.PostAsJsonAsync("/api/units", new { parentId = ward, name = new string('T', InputLimits.NameLength), kind = "ResidentialGroup" }, Ct);

        await ProblemAssert.NamesAsync(tooLong, HttpStatusCode.BadRequest, "name", $"At most {InputLimits.NameLength} characters (got 10000)");
        Assert.True(atLimit.StatusCode == HttpStatusCode.Created, await atLimit.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_cannot_be_made_its_own_parent_nor_a_child_of_its_own_descendant(string provider)
    {
        var app = await apps.OnAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusals below are asserted in English
        var ward = await app.UnitIdAsync("00004-COMMITTEE");
        var a = await CreateAsync(admin, ward, "Khu phố A");
        var b = await CreateAsync(admin, a, "Tổ dân phố B");
        var c = await CreateAsync(admin, b, "Tổ dân phố C");

        using var own = await admin.PutAsJsonAsync($"/api/units/{a}", new { parentId = a }, Ct);
        using var loop = await admin.PutAsJsonAsync($"/api/units/{a}", new { parentId = c }, Ct);
        using var pillar = await admin.PutAsJsonAsync($"/api/units/{ward}", new { parentId = ward }, Ct);

        await ProblemAssert.NamesAsync(own, HttpStatusCode.BadRequest, "parentId", "cannot be its own parent");
        await ProblemAssert.NamesAsync(loop, HttpStatusCode.BadRequest, "parentId", "would form a cycle");
        await ProblemAssert.NamesAsync(pillar, HttpStatusCode.BadRequest, "parentId", "pillar unit");
        Assert.Equal(ward, await ParentOfAsync(app, a));

        using var move = await admin.PutAsJsonAsync($"/api/units/{c}", new { parentId = a }, Ct);
        Assert.True(move.StatusCode == HttpStatusCode.OK, await move.Content.ReadAsStringAsync(Ct));
        Assert.Equal(a, await ParentOfAsync(app, c));
    }

    private static async Task<Guid> CreateAsync(HttpClient admin, Guid parentId, string name)
    {
        using var created = await admin.PostAsJsonAsync("/api/units", new { parentId, name, kind = "ResidentialGroup" }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static Task<Guid?> ParentOfAsync(DirectiveFlowWebFactory app, Guid id) =>
        app.QueryAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.ParentId).SingleAsync(Ct));
}
