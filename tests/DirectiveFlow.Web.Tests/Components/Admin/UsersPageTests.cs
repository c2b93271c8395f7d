using System.Net;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>The users pages as the server renders them: who reaches them, and a unit head's create form.</summary>
public sealed class UsersPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task Deactivating_an_account_asks_first_naming_the_open_tasks_it_takes_off_and_only_the_confirmation_deactivates()
    {
        // Regression: one click deactivated her and took her off every open task, which reactivating does not give back.
        using var head = await UiBrowser.SignedInAsync(fixture.App, "lannt");
        var unitId = await fixture.App.UnitIdAsync("00070-COMMITTEE");
        using (await head.PostFormAsync("/admin/users/new", "user-create", new()
        {
            ["Input.UserName"] = "thanhpv", ["Input.FullName"] = "Phạm Văn Thành", ["Input.Position"] = "Chuyên viên",
            ["Input.Email"] = "thanhpv@hoankiem.hanoi.gov.vn", ["Input.Language"] = "vi", ["Input.UnitId"] = unitId.ToString(),
            ["Input.UnitOfficer"] = "true",
        }))
        {
        }

        Guid userId;
        await using (var db = fixture.App.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == "thanhpv").Select(u => u.Id).SingleAsync(Ct);
            var task = await new UiTestData(db).TaskAsync(fixture.Directive, "00070-COMMITTEE", "Rà soát hồ sơ tồn đọng", UiTestData.Now.AddDays(10));
            task.AssignedUserId = userId;
            await db.SaveChangesAsync(Ct);
        }

        var page = $"/admin/users/{userId}";
        using var asked = await head.PostFormAsync(page, "user-active", new() { ["Active.Set"] = "false" });
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Ngừng kích hoạt tài khoản của Phạm Văn Thành?", html, StringComparison.Ordinal);
        Assert.Contains("1 nhiệm vụ đang mở được giao cho người này sẽ trở về đơn vị", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Active.Confirm\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.True(await IsActiveAsync(userId));

        using var confirmed = await head.PostFormAsync(page, "user-active", new() { ["Active.Set"] = "false", ["Active.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await IsActiveAsync(userId));
        await using var read = fixture.App.Database.CreateContext();
        Assert.False(await read.Tasks.AnyAsync(t => t.AssignedUserId == userId, Ct));
    }

    [Fact]
    public async Task Resetting_a_password_with_the_field_left_empty_asks_first_and_only_the_confirmation_replaces_it()
    {
        // Regression: an empty field generated a new password at once, ending her sessions, on one click.
        using var head = await UiBrowser.SignedInAsync(fixture.App, "lannt");
        var unitId = await fixture.App.UnitIdAsync("00070-COMMITTEE");
        using (await head.PostFormAsync("/admin/users/new", "user-create", new()
        {
            ["Input.UserName"] = "hoapt", ["Input.FullName"] = "Phạm Thị Hoa", ["Input.Position"] = "Chuyên viên",
            ["Input.Email"] = "hoapt@hoankiem.hanoi.gov.vn", ["Input.Language"] = "vi", ["Input.UnitId"] = unitId.ToString(),
            ["Input.UnitOfficer"] = "true",
        }))
        {
        }

        Guid userId;
        await using (var db = fixture.App.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == "hoapt").Select(u => u.Id).SingleAsync(Ct);
        }

        var hash = await PasswordHashAsync(userId);

        var page = $"/admin/users/{userId}";
        using var asked = await head.PostFormAsync(page, "user-password", new() { ["Reset.Password"] = "" });
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Tạo mật khẩu mới cho Phạm Thị Hoa? Mật khẩu đang dùng sẽ hết hiệu lực ngay", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Reset.Confirm\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("user-password__value", html, StringComparison.Ordinal);
        Assert.Equal(hash, await PasswordHashAsync(userId));

        using var confirmed = await head.PostFormAsync(page, "user-password", new() { ["Reset.Password"] = "", ["Reset.Confirm"] = "true" });
        var shown = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Mật khẩu dùng một lần của hoapt", shown, StringComparison.Ordinal);
        Assert.NotEqual(hash, await PasswordHashAsync(userId));
    }

    private async Task<string?> PasswordHashAsync(Guid userId)
    {
        await using var db = fixture.App.Database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync(Ct);
    }

    private async Task<bool> IsActiveAsync(Guid userId)
    {
        await using var db = fixture.App.Database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync(Ct);
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
