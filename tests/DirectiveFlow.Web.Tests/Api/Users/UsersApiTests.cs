using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Problems;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Users;

/// <summary>People's accounts through <c>/api/users</c> (issue 13, part 4), as an administrator manages them, on every provider.</summary>
public sealed class UsersApiTests(UsersApp apps) : IClassFixture<UsersApp>
{
    private const string Password = "Chuyenvien@2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_creates_a_person_who_signs_in_with_the_generated_password_and_is_found_without_diacritics(string provider)
    {
        var unitId = await (await apps.OnAsync(provider)).UnitIdAsync("00070-COMMITTEE");
        using var admin = await apps.ClientAsync(provider, "admin");

        using var response = await admin.PostAsJsonAsync("/api/users", Person("tuanna", unitId, ["UnitOfficer"], fullName: "Ngô Anh Tuấn"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var generated = created.GetProperty("generatedPassword").GetString()!;
        Assert.Equal(16, generated.Length);
        var user = created.GetProperty("user");
        Assert.Equal(("Ngô Anh Tuấn", "Chuyên viên", "Ủy ban nhân dân phường Hoàn Kiếm"),
            (user.GetProperty("fullName").GetString(), user.GetProperty("position").GetString(), user.GetProperty("unitName").GetString()));
        Assert.Equal(["UnitOfficer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using (var signIn = await apps.SignInAsync(provider, "tuanna", generated))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/users?q=ngo%20anh%20tuan&unitId={unitId}&role=UnitOfficer&active=true", Ct);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("tuanna", found.GetProperty("items")[0].GetProperty("userName").GetString());
        var fetched = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{user.GetProperty("id").GetString()}", Ct);
        Assert.Equal("tuanna@phuong.hanoi.gov.vn", fetched.GetProperty("email").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_fields_answer_400_naming_each_field_and_duplicates_answer_409(string provider)
    {
        using var admin = await apps.ClientAsync(provider, "admin");
        var unitId = await (await apps.OnAsync(provider)).UnitIdAsync("00070-PARTY");

        var invalid = await ProblemAssert.NamesAsync(await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "tên có dấu", fullName = " ", email = "not-an-email", phoneNumber = "call me", language = "fr", roles = new[] { "UnitHead" },
        }, Ct), HttpStatusCode.BadRequest, "email", "thư điện tử");
        var codes = invalid.GetProperty("codes");
        Assert.Equal(
            ["email", "fullName", "language", "phoneNumber", "unitId", "userName"],
            codes.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("unit-required-for-role", codes.GetProperty("unitId")[0].GetString());

        await ProblemAssert.NamesAsync(await admin.PostAsJsonAsync("/api/users", Person("weakpw", unitId, ["UnitOfficer"], password: "short"), Ct),
            HttpStatusCode.BadRequest, "password", "ít nhất");
        await ProblemAssert.NamesAsync(await admin.PostAsJsonAsync("/api/users", Person("norole", unitId, []), Ct),
            HttpStatusCode.BadRequest, "roles", "vai trò");

        using var taken = await admin.PostAsJsonAsync("/api/users", Person("minhtv", unitId, ["UnitOfficer"]), Ct);
        Assert.Equal((HttpStatusCode.Conflict, "user-name-taken"), (taken.StatusCode, await CodeAsync(taken)));
        using var sameEmail = await admin.PostAsJsonAsync("/api/users", Person("someoneelse", unitId, ["UnitOfficer"], email: "MINHTV@demo.directiveflow.vn"), Ct);
        Assert.Equal((HttpStatusCode.Conflict, "user-email-taken"), (sameEmail.StatusCode, await CodeAsync(sameEmail)));
        using var missing = await admin.GetAsync($"/api/users/{Guid.NewGuid()}", Ct);
        Assert.Equal((HttpStatusCode.NotFound, "user-not-found"), (missing.StatusCode, await CodeAsync(missing)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deactivating_ends_the_persons_token_and_refuses_sign_in_until_reactivated(string provider)
    {
        var unitId = await (await apps.OnAsync(provider)).UnitIdAsync("00070-PARTY");
        using var admin = await apps.ClientAsync(provider, "admin");
        var id = await CreatedIdAsync(admin, Person("quanglv", unitId, ["UnitOfficer"], password: Password));
        using var person = await apps.ClientAsync(provider, "quanglv", Password);
        using (var before = await person.GetAsync("/api/auth/me", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var deactivated = await (await admin.PostAsync($"/api/users/{id}/deactivate", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        using (var after = await person.GetAsync("/api/auth/me", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        using (var refused = await apps.SignInAsync(provider, "quanglv", Password))
        {
            Assert.Equal((HttpStatusCode.Forbidden, "account-deactivated"), (refused.StatusCode, await CodeAsync(refused)));
        }

        using (var wrongPassword = await apps.SignInAsync(provider, "quanglv", "Wrong@2026x"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        }

        using var reactivated = await admin.PostAsync($"/api/users/{id}/reactivate", null, Ct);
        Assert.True((await reactivated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("isActive").GetBoolean());
        using var again = await apps.SignInAsync(provider, "quanglv", Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_reset_answers_a_new_one_time_password_and_the_old_one_stops_working(string provider)
    {
        var unitId = await (await apps.OnAsync(provider)).UnitIdAsync("00070-PARTY");
        using var admin = await apps.ClientAsync(provider, "admin");
        var id = await CreatedIdAsync(admin, Person("binhpt", unitId, ["UnitOfficer"], password: Password));

        using var reset = await admin.PostAsJsonAsync($"/api/users/{id}/reset-password", new { }, Ct);
        var generated = (await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generatedPassword").GetString()!;

        using (var old = await apps.SignInAsync(provider, "binhpt", Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using (var fresh = await apps.SignInAsync(provider, "binhpt", generated))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        using var chosen = await admin.PostAsJsonAsync($"/api/users/{id}/reset-password", new { password = "Moi@Matkhau2026" }, Ct);
        Assert.Equal(JsonValueKind.Null, (await chosen.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generatedPassword").ValueKind);
        using var signIn = await apps.SignInAsync(provider, "binhpt", "Moi@Matkhau2026");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_changes_a_persons_unit_and_roles_but_neither_deactivates_nor_demotes_themself(string provider)
    {
        var party = await (await apps.OnAsync(provider)).UnitIdAsync("00070-PARTY");
        using var admin = await apps.ClientAsync(provider, "admin");
        var id = await CreatedIdAsync(admin, Person("dungnv", party, ["UnitOfficer"], password: Password));
        var committee = await (await apps.OnAsync(provider)).UnitIdAsync("00070-COMMITTEE");

        using var updated = await admin.PutAsJsonAsync($"/api/users/{id}",
            Person("dungnv", committee, ["UnitHead"], fullName: "Nguyễn Văn Dũng", position: "Phó Chủ tịch UBND phường"), Ct);

        var body = await updated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(("Phó Chủ tịch UBND phường", "00070-COMMITTEE"), (body.GetProperty("position").GetString(), body.GetProperty("unitCode").GetString()));
        Assert.Equal(["UnitHead"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var adminId = await apps.IdOfAsync(provider, "admin");
        using var self = await admin.PostAsync($"/api/users/{adminId}/deactivate", null, Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "user-cannot-deactivate-self"), (self.StatusCode, await CodeAsync(self)));
        using var demote = await admin.PutAsJsonAsync($"/api/users/{adminId}", new
        {
            fullName = "Quản trị hệ thống", email = "admin@demo.directiveflow.vn", roles = new[] { "Observer" },
        }, Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "user-cannot-drop-own-administrator"), (demote.StatusCode, await CodeAsync(demote)));
    }

    internal static object Person(
        string userName, Guid? unitId, string[] roles, string? password = null, string? email = null, string fullName = "Ngô Văn Thử",
        string position = "Chuyên viên") =>
        new { userName, fullName, position, email = email ?? $"{userName}@phuong.hanoi.gov.vn", phoneNumber = "0912 345 678", language = "vi", unitId, roles, password };

    /// <summary>Creates the account <paramref name="person"/> and answers its id, failing the test unless it was created.</summary>
    internal static async Task<string> CreatedIdAsync(HttpClient client, object person)
    {
        using var created = await client.PostAsJsonAsync("/api/users", person, Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("user").GetProperty("id").GetString()!;
    }

    internal static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();
}
