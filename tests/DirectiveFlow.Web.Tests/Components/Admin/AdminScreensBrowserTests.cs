using DirectiveFlow.Web.Tests.Components.Studio;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>The admin screens in Chromium at 1440 and 390 px (issue 13, parts 5 and 6: the phone header folds its user block).</summary>
[Trait("Category", "Browser")]
public sealed class AdminScreensBrowserTests
{
    private static readonly (string Link, string Heading)[] Screens =
    [
        ("admin/units", "Đơn vị"),
        ("admin/calendar", "Lịch làm việc năm"),
        ("admin/outbox", "Thư gửi đi"),
        ("admin/journal", "Nhật ký hoạt động"),
    ];

    [Fact]
    public async Task An_administrator_walks_the_admin_screens_on_a_desktop_and_on_a_phone()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await page.SetViewportSizeAsync(1440, 900);
        await browser.LoginAsync("admin");
        Assert.True(await page.Locator(".header-tools > .user").IsVisibleAsync());
        Assert.False(await page.Locator(".user-menu").IsVisibleAsync());

        await page.ClickAsync(".app-nav a[href='admin']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quản trị hệ thống");
        foreach (var (link, heading) in Screens)
        {
            await page.GotoAsync(browser.Url("/admin"));
            await page.ClickAsync($".admin-card__link[href='{link}']");
            await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(heading);
            await browser.ScreenshotAsync("admin-1440-" + link.Replace('/', '-'));
        }

        await page.GotoAsync(browser.Url("/admin/calendar?year=2027"));
        await Assertions.Expect(page.Locator(".cal-month td.cal--tet").First).ToBeVisibleAsync();
        await page.FillAsync("#cal-date", "2027-11-23");
        await page.FillAsync("#cal-name", "Nghỉ thử nghiệm trên trình duyệt");
        await page.ClickAsync("section.card form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert--ok")).ToHaveTextAsync("Đã thêm ngày 23/11/2027.");
        await Assertions.Expect(page.Locator(".cal-list")).ToContainTextAsync("Nghỉ thử nghiệm trên trình duyệt");

        await page.SetViewportSizeAsync(390, 844);
        Assert.False(await page.Locator(".logout-form button").IsVisibleAsync(), "sign-out shows before the user's menu is opened");
        foreach (var url in new[] { "/admin", "/admin/units", "/admin/calendar?year=2027", "/admin/outbox", "/admin/journal" })
        {
            await page.GotoAsync(browser.Url(url));
            // One header row: brand, language and the user's menu, not the name, unit and sign-out wrapped over five lines.
            var header = await page.Locator(".app-header__inner").BoundingBoxAsync();
            Assert.True(header!.Height <= 72, $"{url}: the header is {header.Height}px tall at 390px");
            Assert.False(await page.Locator(".header-tools > .user").IsVisibleAsync());
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{url} is {width}px wide at 390px");
            await browser.ScreenshotAsync("admin-390" + url.Replace('/', '-').Replace('?', '-'));
        }

        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Fadmin%2Funits"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Units");
        await browser.ScreenshotAsync("admin-390-en-units");
        await page.ClickAsync(".user-menu summary");
        await Assertions.Expect(page.Locator(".logout-form button")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("admin-390-user-menu");
        await page.ClickAsync(".logout-form button");
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>An administrator types a unit's name without its diacritics (or in capitals) and finds it, in both languages and widths.</summary>
    [Fact]
    public async Task An_administrator_finds_a_unit_without_typing_its_diacritics()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await page.SetViewportSizeAsync(1440, 900);
        await browser.LoginAsync("admin");
        foreach (var (width, typed) in new[] { (1440, "ba dinh"), (390, "BA ĐÌNH") })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            await page.GotoAsync(browser.Url("/admin/units"));
            await page.FillAsync("#units-q", typed);
            await page.ClickAsync("form.filters button[type=submit]");
            // The unfiltered page starts with Ba Đình too: wait for the search's own page, where it is the only commune.
            await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("details.unit-commune")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("details.unit-commune summary")).ToContainTextAsync("Ba Đình");
            await Assertions.Expect(page.Locator("details.unit-commune").First).ToContainTextAsync("Ủy ban nhân dân phường Ba Đình");
            await browser.ScreenshotAsync($"admin-{width}-units-search");
        }

        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Fadmin%2Funits%3Fq%3Dhoan%2520kiem"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Units");
        await Assertions.Expect(page.Locator("details.unit-commune summary").First).ToContainTextAsync("Hoàn Kiếm");
        await browser.ScreenshotAsync("admin-390-en-units-search");
        await page.SetViewportSizeAsync(1440, 900);
        await Assertions.Expect(page.Locator("details.unit-commune")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("admin-1440-en-units-search");
    }
}
