using System.Text.RegularExpressions;
using DirectiveFlow.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Studio;

/// <summary>Issue 13 §6: publishing asks for a change note and shows the diff first; the designer's text stays readable
/// and in words; loading it logs no JavaScript interop error.</summary>
[Trait("Category", "Browser")]
public sealed class StudioPublishBrowserTests
{
    [Fact]
    public async Task Publishing_a_changed_deadline_shows_the_diff_asks_for_a_note_and_lists_it_with_the_versions()
    {
        var logs = new CapturedLogs();
        await using var browser = await StudioBrowser.StartAsync(s => s.AddSingleton<ILoggerProvider>(logs));
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync(".studio__toolbar");
        await Expect(page.Locator("[data-testid=node-action-plan]")).ToBeVisibleAsync();

        // Fitted, the twelve steps keep their names readable: font size × zoom of at least 10 px.
        Assert.True(await ShownNameSizeAsync(page) >= 10, $"node names are shown at {await ShownNameSizeAsync(page)} px");
        var ports = await page.Locator(".af-port__label").AllInnerTextsAsync();
        Assert.Contains("Mỗi đơn vị", ports);
        Assert.Contains("Trả lại", ports);
        Assert.DoesNotContain(ports, p => p is "Done" or "Each" or "Accepted" or "Returned");
        await Expect(page.Locator("[data-testid=node-summary]")).ToContainTextAsync("Gửi: đơn vị ban hành");
        await Expect(page.Locator("[data-testid=flow-input-deadlineDays]")).ToContainTextAsync("(số, bắt buộc)");
        await browser.ScreenshotAsync("designer-fitted-party-conclusion");

        // Text the reminders field does not understand is reported, not dropped.
        await page.ClickAsync("[data-testid=node-action-plan] .af-node__head");
        await page.FillAsync("[data-testid=prop-reminders]", "3, hai");
        await page.PressAsync("[data-testid=prop-reminders]", "Tab");
        await Expect(page.Locator("[data-testid=prop-reminders-error]")).ToContainTextAsync("Không hiểu \"hai\"");
        await Expect(page.Locator("[data-testid=dirty-state]")).ToContainTextAsync("Đã lưu");

        await page.FillAsync("[data-testid=prop-deadline-value]", "12");
        await page.PressAsync("[data-testid=prop-deadline-value]", "Tab");
        await Expect(page.Locator("[data-testid=node-action-plan]")).ToContainTextAsync("12 ngày làm việc");

        // The dialog: the diff against v1, and no publishing without a note.
        await page.ClickAsync("[data-testid=publish]");
        await Expect(page.Locator("[data-testid=publish-dialog]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=publish-dialog]")).ToContainTextAsync("Thay đổi so với phiên bản đang ban hành v1");
        await Expect(page.Locator("[data-testid=diff-item]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=publish-note-error]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=diff-item]")).ToHaveTextAsync(
            "Bước «Xây dựng kế hoạch hành động» (action-plan): Thời hạn: 5 ngày làm việc → 12 ngày làm việc");
        await browser.ScreenshotAsync("designer-publish-dialog");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-testid=publish-confirm]")).ToBeInViewportAsync();
        await browser.ScreenshotAsync("designer-publish-dialog-390");
        await page.SetViewportSizeAsync(1600, 1000);
        await page.ClickAsync("[data-testid=publish-confirm]");
        await Expect(page.Locator("[data-testid=publish-note-error]")).ToHaveTextAsync("Cần ghi chú thay đổi khi xuất bản một phiên bản.");
        await page.FillAsync("[data-testid=publish-note]", "Kéo dài thời hạn xây dựng kế hoạch lên 12 ngày làm việc");
        await page.ClickAsync("[data-testid=publish-confirm]");
        await Expect(page.Locator("[data-testid=publish-dialog]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=designer-version]")).ToContainTextAsync("v2 · đã ban hành");

        // The versions list says who published v2, when, and why.
        await page.GotoAsync(browser.Url("/studio"));
        await browser.WaitForCircuitAsync();
        var version = page.Locator("[data-testid=version-party-conclusion-2]");
        await Expect(version).ToContainTextAsync("Kéo dài thời hạn xây dựng kế hoạch lên 12 ngày làm việc");
        await Expect(version).ToContainTextAsync(new Regex(@"admin ban hành ngày \d{2}/\d{2}/\d{4}", RegexOptions.IgnoreCase));
        await browser.ScreenshotAsync("studio-list-versions");
        await Expect(page.Locator("[data-testid=import-json]")).ToHaveAttributeAsync("placeholder", "{ \"id\": …, \"activities\": … }");

        Assert.DoesNotContain(logs.Messages, m => m.Contains("JavaScript interop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_english_designer_speaks_english_and_shows_when_nothing_changed()
    {
        var logs = new CapturedLogs();
        await using var browser = await StudioBrowser.StartAsync(s => s.AddSingleton<ILoggerProvider>(logs));
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Fstudio%2Fparty-conclusion"));
        await browser.WaitForCircuitAsync(".studio__toolbar");
        await Expect(page.Locator("[data-testid=palette]")).ToContainTextAsync("Unit task");
        var ports = await page.Locator(".af-port__label").AllInnerTextsAsync();
        Assert.Contains("Each unit", ports);
        Assert.True(await ShownNameSizeAsync(page) >= 10, "node names stay readable in English too");

        await page.ClickAsync("[data-testid=publish]");
        await Expect(page.Locator("[data-testid=publish-no-changes]")).ToHaveTextAsync("Nothing changed against the published version.");
        await page.ClickAsync("[data-testid=publish-cancel]");
        await Expect(page.Locator("[data-testid=publish-dialog]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("designer-english");
        await page.ClickAsync("[data-testid=zoom-out]");
        await page.ClickAsync("[data-testid=zoom-out]");
        await page.WaitForTimeoutAsync(500);
        await browser.ScreenshotAsync("designer-english-zoomed-out");

        Assert.DoesNotContain(logs.Messages, m => m.Contains("JavaScript interop", StringComparison.Ordinal));
    }

    /// <summary>The rendered size of the first node name: its CSS font size times the canvas zoom, once the fit has settled.</summary>
    private static async Task<double> ShownNameSizeAsync(IPage page)
    {
        var size = 0.0;
        for (var i = 0; i < 50; i++)
        {
            var now = await page.EvalOnSelectorAsync<double>(".af-node__name",
                "e => parseFloat(getComputedStyle(e).fontSize) * e.getBoundingClientRect().height / e.offsetHeight");
            if (Math.Abs(now - size) < 0.01 && i > 2)
            {
                return now;
            }

            size = now;
            await page.WaitForTimeoutAsync(200);
        }

        return size;
    }
}
