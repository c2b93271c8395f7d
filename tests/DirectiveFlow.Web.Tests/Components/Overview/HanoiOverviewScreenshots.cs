using System.Globalization;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// The leadership pages with a realistic organisation (<see cref="HanoiOverviewWorld"/>), as leaders will see them: at
/// 1440 and 390 pixels, in Vietnamese and English, saved as screenshots (bin/…/screenshots/hanoi-*.png) for a person
/// to look at; the pages must fit the window and page through 126 wards.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HanoiOverviewScreenshots
{
    [Fact]
    public async Task The_overview_pages_with_Hanoi_fit_a_desktop_and_a_phone_in_both_languages()
    {
        await using var world = await HanoiOverviewWorld.CreateAsync();
        await using var chromium = ChromiumPages.Require(await ChromiumPages.StartAsync(world.BaseUrl));
        await using var db = world.App.Database.CreateContext();
        var unit = await db.Units.Where(u => u.Code == "00070-COMMITTEE").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var pages = new (string Name, string Path)[]
        {
            ("overview", "/overview"),
            ("overview-quarter", "/overview?period=quarter&pillar=COMMITTEE"),
            ("units", "/overview/units"),
            ("tasks-overdue", "/overview/tasks?category=OpenOverdue&level=commune"),
            ("tasks-not-reached", "/overview/tasks?category=NotYetReached"),
            ("unit", $"/overview/units/{unit}"),
            ("directives", "/directives"),
            ("directive", $"/directives/{world.Conclusion}"),
        };

        foreach (var language in new[] { "vi", "en" })
        {
            foreach (var width in new[] { 1440, 390 })
            {
                var page = await chromium.SignedInPageAsync("01-PARTY", width, language);
                foreach (var (name, path) in pages)
                {
                    await page.GotoAsync(chromium.Url(path));
                    await ChromiumPages.ScreenshotAsync(page, $"hanoi-{name}-{width}-{language}");
                    var (overflow, culprits) = await ChromiumPages.OverflowAsync(page);
                    Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the window: {culprits}");
                }

                await page.Context.CloseAsync();
            }
        }

        // A ward head: their own unit only.
        var head = await chromium.SignedInPageAsync("00070-PARTY.head");
        await Expect(head).ToHaveURLAsync(chromium.Url("/overview"));
        await ChromiumPages.ScreenshotAsync(head, "hanoi-overview-head-1440-vi");
        Assert.Equal(1, await head.Locator("table.ranking").First.Locator("tbody tr").CountAsync());

        var check = await chromium.SignedInPageAsync("01-PARTY");
        await check.GotoAsync(chromium.Url($"/directives/{world.Conclusion}"));
        // 126 wards and the city, 50 a page; the council's and the Front's plans hold 252 ward units back.
        Assert.Equal(50, await check.Locator("table.localities tbody tr").CountAsync());
        await Expect(check.Locator(".pager")).ToContainTextAsync("1/3");
        await Expect(check.Locator("[data-testid=not-reached]")).ToContainTextAsync("252");
        await check.GotoAsync(chromium.Url("/overview"));
        var total = int.Parse(await check.Locator(".count--Total .count__value").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(total > 1000, $"the overview counts {total} tasks");
    }
}
