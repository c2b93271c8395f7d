using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Users;

/// <summary>
/// A unit head manages the officers of their own unit and nothing else; an officer manages no account (issue 13,
/// part 4). Lan (lannt) heads the People's Committee of Hoàn Kiếm in the demo.
/// </summary>
public sealed class UnitHeadUsersApiTests(UsersApp apps) : IClassFixture<UsersApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_head_lists_only_the_officers_of_their_own_unit_whatever_the_filter_says(string provider)
    {
        var app = await apps.OnAsync(provider);
        var committee = await app.UnitIdAsync("00070-COMMITTEE");
        using var head = await apps.ClientAsync(provider, "lannt");

        var page = await head.GetFromJsonAsync<JsonElement>($"/api/users?unitId={await app.UnitIdAsync("00070-PARTY")}&pageSize=500", Ct);
        var all = await head.GetFromJsonAsync<JsonElement>("/api/users?pageSize=500", Ct);

        Assert.Equal(0, page.GetProperty("total").GetInt32());
        var items = all.GetProperty("items").EnumerateArray().ToList();
        var names = items.Select(u => u.GetProperty("userName").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "minhtv", "halt", "00070-COMMITTEE" }, names);
        Assert.DoesNotContain("lannt", names);
        Assert.DoesNotContain("00070-COMMITTEE.head", names);
        Assert.All(items, u =>
        {
            Assert.Equal(committee.ToString(), u.GetProperty("unitId").GetString());
            Assert.Equal(["UnitOfficer"], u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_head_creates_and_deactivates_an_officer_of_their_unit_but_grants_nothing_more(string provider)
    {
        var app = await apps.OnAsync(provider);
        var committee = await app.UnitIdAsync("00070-COMMITTEE");
        using var head = await apps.ClientAsync(provider, "lannt");

        using var created = await head.PostAsJsonAsync("/api/users", UsersApiTests.Person("hoapt", committee, ["UnitOfficer"]), Ct);
        using var issuer = await head.PostAsJsonAsync("/api/users", UsersApiTests.Person("issuerx", committee, ["UnitOfficer", "Issuer"]), Ct);
        using var headRole = await head.PostAsJsonAsync("/api/users", UsersApiTests.Person("headx", committee, ["UnitHead"]), Ct);
        using var elsewhere = await head.PostAsJsonAsync("/api/users", UsersApiTests.Person("otherx", await app.UnitIdAsync("00070-PARTY"), ["UnitOfficer"]), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "user-role-not-grantable"), (issuer.StatusCode, await UsersApiTests.CodeAsync(issuer)));
        Assert.Equal((HttpStatusCode.Forbidden, "user-role-not-grantable"), (headRole.StatusCode, await UsersApiTests.CodeAsync(headRole)));
        Assert.Equal((HttpStatusCode.Forbidden, "user-role-not-grantable"), (elsewhere.StatusCode, await UsersApiTests.CodeAsync(elsewhere)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("user").GetProperty("id").GetString();
        using var deactivated = await head.PostAsync($"/api/users/{id}/deactivate", null, Ct);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("isActive").GetBoolean());
        using var promote = await head.PutAsJsonAsync($"/api/users/{id}", UsersApiTests.Person("hoapt", committee, ["UnitHead"]), Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "user-role-not-grantable"), (promote.StatusCode, await UsersApiTests.CodeAsync(promote)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_head_touches_no_head_and_no_officer_of_another_unit_and_an_officer_manages_no_one(string provider)
    {
        using var head = await apps.ClientAsync(provider, "lannt");
        var otherHead = await apps.IdOfAsync(provider, "hungpv");
        var otherOfficer = await apps.IdOfAsync(provider, "thuydt");
        var ownHead = await apps.IdOfAsync(provider, "00070-COMMITTEE.head");

        using var readOther = await head.GetAsync($"/api/users/{otherOfficer}", Ct);
        using var resetOther = await head.PostAsJsonAsync($"/api/users/{otherOfficer}/reset-password", new { }, Ct);
        using var deactivateHead = await head.PostAsync($"/api/users/{otherHead}/deactivate", null, Ct);
        using var deactivateOwnHead = await head.PostAsync($"/api/users/{ownHead}/deactivate", null, Ct);

        Assert.All(new[] { readOther, resetOther, deactivateHead, deactivateOwnHead }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("user-outside-heads-unit", await UsersApiTests.CodeAsync(deactivateOwnHead));
        using var officer = await apps.ClientAsync(provider, "minhtv");
        using var list = await officer.GetAsync("/api/users", Ct);
        var problem = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "users-forbidden"), (list.StatusCode, problem.GetProperty("code").GetString()));
        Assert.Contains("quản lý tài khoản", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
