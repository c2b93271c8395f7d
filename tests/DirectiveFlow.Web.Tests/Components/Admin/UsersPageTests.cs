using System.Net;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>The users pages as the server renders them: who reaches them, and a unit head's create form.</summary>
public sealed class UsersPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    [Fact]
    public async Task An_officer_is_turned_away_from_the_users_screen()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "minhtv");

        using var response = await officer.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_head_creates_an_officer_of_their_unit_through_the_form_and_is_shown_the_generated_password_once()
    {
        using var head = await UiBrowser.SignedInAsync(fixture.App, "lannt");
        var unitId = await fixture.App.UnitIdAsync("00070-COMMITTEE");

        using var response = await head.PostFormAsync("/admin/users/new", "user-create", new()
        {
            ["Input.UserName"] = "phuonglt",
            ["Input.FullName"] = "Lê Thị Phương",
            ["Input.Position"] = "Chuyên viên",
            ["Input.Email"] = "phuonglt@hoankiem.hanoi.gov.vn",
            ["Input.Language"] = "vi",
            ["Input.UnitId"] = unitId.ToString(),
            ["Input.UnitOfficer"] = "true",
        });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mật khẩu dùng một lần của phuonglt", html, StringComparison.Ordinal);
        var list = await head.PageAsync("/admin/users?q=phuong");
        Assert.Contains("Lê Thị Phương", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Users.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_keeps_its_fields_and_names_the_problem_in_Vietnamese()
    {
        using var head = await UiBrowser.SignedInAsync(fixture.App, "lannt");

        using var response = await head.PostFormAsync("/admin/users/new", "user-create", new()
        {
            ["Input.UserName"] = "minhtv",
            ["Input.FullName"] = "Trần Văn Minh",
            ["Input.Email"] = "khong-hop-le",
            ["Input.UnitOfficer"] = "true",
        });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Trần Văn Minh\"", html, StringComparison.Ordinal);
    }
}
