using DirectiveFlow.Web.Tests.Components.Overview;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>
/// In Chromium: the admin outbox's pending tab right after cascades (the reports' world issues its directives and no
/// dispatch runs in tests) says how many assignment notices wait to be written as emails, in the reader's language, at
/// desktop and phone width (screenshots bin/…/screenshots/outbox-queued-*.png).
/// </summary>
[Trait("Category", "Browser")]
public sealed class OutboxQueuedBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    [Theory]
    [InlineData("vi", 1440, "thông báo giao việc", "Chờ gửi")]
    [InlineData("vi", 390, "thông báo giao việc", "Chờ gửi")]
    [InlineData("en", 1440, "Assignment notices waiting", "Waiting")]
    [InlineData("en", 390, "Assignment notices waiting", "Waiting")]
    public async Task The_pending_tab_says_how_many_notices_wait_for_the_next_dispatch(string language, int width, string says, string tab)
    {
        var page = await fixture.SignedInPageAsync("admin", width, language);
        await page.GotoAsync(fixture.Url("/admin/outbox"));

        var queued = page.GetByTestId("outbox-queued");
        await Expect(queued).ToContainTextAsync(says);
        await Expect(queued).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}"));
        await Expect(page.Locator("a.tab--active")).ToContainTextAsync(tab);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(overflow <= width, $"the outbox is {overflow}px wide at {width}px");
        await ChromiumPages.ScreenshotAsync(page, $"outbox-queued-{language}-{width}");
        await page.Context.CloseAsync();
    }
}
