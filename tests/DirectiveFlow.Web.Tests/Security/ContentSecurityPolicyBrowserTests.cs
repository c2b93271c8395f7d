using DirectiveFlow.Web.Tests.Components.Studio;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>
/// The CSP in real Chromium: the pages, the studio's Blazor circuit (a same-origin WebSocket) and the forms work, and
/// the browser reports no violation on the console.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyBrowserTests
{
    [Fact]
    public async Task Login_inbox_mailbox_and_the_studio_designer_work_under_the_csp_with_no_violation()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        var violations = Watch(page);

        var login = await page.GotoAsync(browser.Url("/login"));
        Assert.Contains("script-src 'self' 'nonce-", await login!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/inbox"));
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        // The mailbox's clock form posts and comes back.
        await page.GotoAsync(browser.Url("/mailbox"));
        await page.SelectOptionAsync("#advance", "P1D");
        await page.ClickAsync("form[action='dev/clock'] button[type=submit]");
        await page.WaitForURLAsync(u => u.EndsWith("/mailbox", StringComparison.Ordinal));
        await Expect(page.Locator("#demo-now")).ToBeVisibleAsync();

        // The designer: the interactive circuit runs, clicks reach .NET, the property panel follows.
        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync(".studio__toolbar");
        await Expect(page.Locator("[data-testid=node-city-pillars]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=node-start] .af-node__head");
        await Expect(page.Locator("[data-testid=property-panel]")).ToContainTextAsync("start");
        await page.ClickAsync("[data-testid=validate]");
        await Expect(page.Locator("[data-testid=validation-ok]")).ToBeVisibleAsync();

        // Dragging from the palette needs the canvas to accept the drop (once an inline ondragover handler, which the CSP blocks).
        var nodes = await page.Locator("[data-testid^=node-]").CountAsync();
        await page.Locator("[data-testid=palette-Delay]").DragToAsync(page.Locator("[data-testid=canvas]"));
        await Expect(page.Locator("[data-testid^=node-]")).ToHaveCountAsync(nodes + 1);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_changed_pages_read_right_in_Vietnamese_and_English_on_desktop_and_phone()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        var violations = Watch(page);
        await browser.LoginAsync("00070-PARTY");
        await page.GotoAsync(browser.Url("/inbox"));
        Assert.Equal(0, await page.Locator("nav a[href='mailbox']").CountAsync());
        await page.ClickAsync(".logout-form button");
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));

        foreach (var (language, refusal, mailbox) in new[]
        {
            ("vi", "Quản trị viên cần đặt mật khẩu mới cho tài khoản.", "Hộp thư thử nghiệm"),
            ("en", "An administrator must set a new password for it.", "Demo mailbox"),
        })
        {
            await page.GotoAsync(browser.Url($"/culture/{language}?returnUrl=%2Flogin%3Ferror%3Ddemo-password"));
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 1000 ? 900 : 844);
                await page.GotoAsync(browser.Url("/login?error=demo-password"));
                await Expect(page.Locator("[role=alert]")).ToContainTextAsync(refusal);
                await browser.ScreenshotAsync($"login-demo-password-{language}-{width}");
            }

            await browser.LoginAsync();
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 1000 ? 900 : 844);
                await page.GotoAsync(browser.Url("/mailbox"));
                await Expect(page.Locator("h1")).ToHaveTextAsync(mailbox);
                await Expect(page.Locator("nav a[href='mailbox']")).ToHaveTextAsync(mailbox);
                await browser.ScreenshotAsync($"mailbox-admin-{language}-{width}");
            }

            // At 390 px sign-out sits in the menu under the user's name (issue 13, part 6).
            await page.ClickAsync(".user-menu summary");
            await page.ClickAsync(".logout-form button");
            await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Every console message or page error Chromium raises about the Content Security Policy.</summary>
    private static List<string> Watch(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => violations.Add("page error: " + error);
        return violations;
    }
}
