using DirectiveFlow.Web.Tests.Components.Studio;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>The users screen (issue 13, part 5) in Chromium: an administrator creates a person and finds them, in both languages and on a phone.</summary>
[Trait("Category", "Browser")]
public sealed class UsersScreenBrowserTests
{
    [Fact]
    public async Task An_administrator_creates_a_person_sees_the_one_time_password_once_and_finds_them_in_the_list()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync("admin");

        await page.GotoAsync(browser.Url("/admin/users"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Người dùng");
        await Assertions.Expect(page.Locator("table.users")).ToContainTextAsync("Nguyễn Thị Lan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm người dùng" }).ClickAsync();
        await page.FillAsync("#u-username", "trangnt");
        await page.FillAsync("#u-fullname", "Nguyễn Thu Trang");
        await page.FillAsync("#u-position", "Chuyên viên Văn phòng HĐND-UBND");
        await page.FillAsync("#u-email", "trangnt@hoankiem.hanoi.gov.vn");
        await page.FillAsync("#u-phone", "0904 123 456");
        await page.SelectOptionAsync("#u-unit", new SelectOptionValue { Label = "Ủy ban nhân dân phường Hoàn Kiếm (00070-COMMITTEE)" });
        await browser.ScreenshotAsync("users-new-1440-vi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        var password = page.Locator(".user-password__value");
        await Assertions.Expect(password).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\S{16}$"));
        await Assertions.Expect(page.Locator(".user-password")).ToContainTextAsync("Mật khẩu dùng một lần của trangnt");
        await page.GotoAsync(browser.Url("/admin/users?q=nguyen%20thu%20trang"));
        var row = page.Locator("table.users tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Nguyễn Thu Trang");
        await Assertions.Expect(row).ToContainTextAsync("Ủy ban nhân dân phường Hoàn Kiếm");
        await Assertions.Expect(row).ToContainTextAsync("Cán bộ đơn vị");
        await Assertions.Expect(row).ToContainTextAsync("Đang hoạt động");
        await browser.ScreenshotAsync("users-list-1440-vi");

        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Fadmin%2Fusers%3Fq%3Dtrang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await Assertions.Expect(row).ToContainTextAsync("Unit officer");
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await browser.ScreenshotAsync("users-list-1440-en");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(browser.Url("/culture/vi?returnUrl=%2Fadmin%2Fusers"));
        await Assertions.Expect(page.Locator("table.users thead")).ToBeHiddenAsync();
        var lan = page.Locator("table.users tbody tr", new() { HasText = "Nguyễn Thị Lan" });
        await Assertions.Expect(lan.Locator("td[data-label='Đơn vị']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the list must fit a 390 px screen without sideways scrolling");
        var box = await lan.BoundingBoxAsync();
        Assert.True(box is { Width: <= 390 }, $"a person's card is {box?.Width} px wide");
        await browser.ScreenshotAsync("users-list-390-vi");
    }

    [Fact]
    public async Task A_unit_head_reaches_the_officers_of_their_unit_from_the_menu_and_sees_no_one_else()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync("lannt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ của đơn vị" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cán bộ của đơn vị");
        var table = page.Locator("table.users");
        await Assertions.Expect(table).ToContainTextAsync("Trần Văn Minh");
        await Assertions.Expect(table).ToContainTextAsync("Lê Thu Hà");
        await Assertions.Expect(table).Not.ToContainTextAsync("Nguyễn Thị Lan");
        await Assertions.Expect(table).Not.ToContainTextAsync("Phạm Văn Hùng");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trần Văn Minh" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản Trần Văn Minh");
        await Assertions.Expect(page.Locator(".user-form__roles")).ToContainTextAsync("Cán bộ đơn vị");
        await Assertions.Expect(page.Locator(".user-form__roles input[type=checkbox]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("users-edit-head-1440-vi");
    }
}
