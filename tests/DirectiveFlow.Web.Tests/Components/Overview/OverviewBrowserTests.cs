using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>The overview pages in Chromium: filters change the figures, every figure drills down to the tasks behind it.</summary>
[Trait("Category", "Browser")]
public sealed class OverviewBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    private static async Task<int> NumberAsync(ILocator locator) =>
        int.Parse((await locator.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_issuer_lands_on_the_overview_and_the_pillar_filter_changes_the_figures()
    {
        var page = await fixture.SignedInPageAsync("01-PARTY");

        await Expect(page).ToHaveURLAsync(fixture.Url("/overview"));
        Assert.Equal(12, await NumberAsync(page.Locator(".count--Total .count__value")));
        Assert.Equal(12, await NumberAsync(page.Locator(".count--NotYetReached .count__value")));

        await page.SelectOptionAsync("#f-pillar", "COMMITTEE");
        await page.Locator("form.filters button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("pillar=COMMITTEE"));
        // The committee directive's four ward UBND tasks and the city UBND's plan.
        Assert.Equal(5, await NumberAsync(page.Locator(".count--Total .count__value")));
        Assert.Equal(1, await NumberAsync(page.Locator(".count--CompletedOnTime .count__value")));
        Assert.Equal(4, await NumberAsync(page.Locator(".count--NotYetReached .count__value")));
        Assert.Equal(2, await page.Locator("table.matrix tbody tr").CountAsync());
    }

    [Fact]
    public async Task The_document_type_filter_counts_only_the_directives_of_that_type()
    {
        var page = await fixture.SignedInPageAsync("01-PARTY");
        await page.GotoAsync(fixture.Url("/overview"));
        Assert.Equal(12, await NumberAsync(page.Locator(".count--Total .count__value")));
        await Expect(page.Locator("#f-document-type option[value=Directive]")).ToHaveTextAsync("Chỉ thị");

        await page.SelectOptionAsync("#f-document-type", "Directive");
        await page.Locator("form.filters button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("documentType=Directive"));
        // Only the committee directive (Chỉ thị): its four ward UBND tasks, one completed on time.
        Assert.Equal(4, await NumberAsync(page.Locator(".count--Total .count__value")));
        Assert.Equal(1, await NumberAsync(page.Locator(".count--CompletedOnTime .count__value")));
        await Expect(page.Locator("#f-document-type")).ToHaveValueAsync("Directive");

        await page.SelectOptionAsync("#f-document-type", "Conclusion");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("documentType=Conclusion"));
        Assert.Equal(8, await NumberAsync(page.Locator(".count--Total .count__value")));
    }

    [Fact]
    public async Task A_matrix_cell_opens_exactly_the_tasks_it_counts()
    {
        var page = await fixture.SignedInPageAsync("01-PARTY");
        await page.GotoAsync(fixture.Url("/overview"));

        foreach (var (pillar, level, figure) in new[] { ("COMMITTEE", "commune", "Total"), ("PARTY", "commune", "OpenWithinDeadline"), ("COUNCIL", "province", "OpenOverdue") })
        {
            await page.GotoAsync(fixture.Url("/overview"));
            var cell = page.Locator($"table.matrix tr[data-pillar={pillar}][data-level={level}] td[data-figure={figure}] a");
            var expected = await NumberAsync(cell);
            await cell.ClickAsync();
            // Links navigate the enhanced way: the address changes before the new page is in; wait for the page.
            await Expect(page.Locator("[data-testid=result-count]")).ToBeVisibleAsync();

            Assert.Equal(expected, await page.Locator(".table-wrap table.data tbody tr").CountAsync());
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-testid=result-count]").GetAttributeAsync("data-count"));
        }

        // "Not yet reached" counts units, so its drill-down lists the tasks holding them back, whose waits add up to it.
        await page.GotoAsync(fixture.Url("/overview"));
        var notReached = page.Locator("table.matrix tr[data-pillar=COUNCIL][data-level=province] td[data-figure=NotYetReached] a");
        var waiting = await NumberAsync(notReached);
        await notReached.ClickAsync();
        await Expect(page.Locator("table.gating")).ToBeVisibleAsync();
        var rows = page.Locator("table.gating tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(waiting.ToString(CultureInfo.InvariantCulture), await rows.First.GetAttributeAsync("data-units-waiting"));
    }

    [Fact]
    public async Task A_ranking_row_opens_the_units_tasks_and_the_full_ranking_sorts_and_searches()
    {
        var page = await fixture.SignedInPageAsync("01-PARTY");
        await page.GotoAsync(fixture.Url("/overview"));

        var first = page.Locator("table.ranking").First.Locator("tbody tr").First;
        Assert.Equal("00613-COMMITTEE", await first.GetAttributeAsync("data-unit"));
        var overdue = first.Locator("td[data-figure=OpenOverdue] a");
        var expected = await NumberAsync(overdue);
        await overdue.ClickAsync();
        await Expect(page.Locator("[data-testid=result-count]")).ToBeVisibleAsync();
        Assert.Equal(expected, await page.Locator("table.data tbody tr").CountAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ủy ban nhân dân phường Tây Tựu");

        await page.GotoAsync(fixture.Url("/overview/units"));
        Assert.Equal(8, await page.Locator("table.ranking tbody tr").CountAsync());
        await page.Locator("table.ranking thead a", new() { HasTextString = "Hoàn thành quá hạn" }).ClickAsync();
        await Expect(page.Locator("table.ranking thead th[aria-sort]")).ToContainTextAsync("Hoàn thành quá hạn");
        Assert.Equal("00070-COMMITTEE", await page.Locator("table.ranking tbody tr").First.GetAttributeAsync("data-unit"));

        await page.FillAsync("#f-q", "hoan kiem");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("q=hoan", StringComparison.Ordinal));
        Assert.Equal(["00070-COMMITTEE", "00070-PARTY"], (await page.Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)")).Order());
    }

    [Fact]
    public async Task The_directive_page_finds_a_ward_filters_by_pillar_and_shows_who_holds_units_back()
    {
        var page = await fixture.SignedInPageAsync("01-PARTY");
        await page.GotoAsync(fixture.Url($"/directives/{fixture.World.Conclusion}"));

        // The city row and the four wards, each ward's pillar units side by side.
        Assert.Equal(5, await page.Locator("table.localities tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator("[data-testid=not-reached] table.gating tbody tr").CountAsync());

        await page.FillAsync("#f-q", "tay tuu");
        await page.Locator("[data-testid=units-filter] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("q=tay", StringComparison.Ordinal));
        var rows = page.Locator("table.localities tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        await Expect(rows.First.Locator("th")).ToHaveTextAsync("Phường Tây Tựu");

        await page.FillAsync("#f-q", "");
        await page.SelectOptionAsync("#f-pillar", "COUNCIL");
        await page.Locator("[data-testid=units-filter] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("pillar=COUNCIL", StringComparison.Ordinal));
        Assert.Equal(2, await page.Locator("table.localities thead th").CountAsync());
        Assert.Equal(1, await page.Locator("table.localities tbody tr").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=not-reached] table.gating tbody tr").CountAsync());
    }

    [Fact]
    public async Task On_a_phone_each_listed_task_shows_its_deadline_days_left_and_category_inside_the_window()
    {
        // Another of the city's issuers: the sign-in rate limit counts 01-PARTY's sign-ins in this class.
        var page = await fixture.SignedInPageAsync("01-COMMITTEE", 390, "vi");
        await page.GotoAsync(fixture.Url("/overview/tasks?category=OpenOverdue"));
        var row = page.Locator("table.tasks tbody tr").First;
        foreach (var label in new[] { "Hạn xử lý", "Ngày làm việc còn lại", "Phân loại" })
        {
            var cell = row.Locator($"td[data-label='{label}']");
            await Expect(cell).ToBeVisibleAsync();
            var box = await cell.BoundingBoxAsync();
            Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"'{label}' lies outside the 390 px window: {box?.X} + {box?.Width}");
        }

        await Expect(page.Locator("table.tasks thead")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_pages_fit_a_desktop_and_a_phone(string language)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            // Signed in first: without Chromium that skips the test, before the world (not built then) is read.
            var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
            string[] paths = ["/overview", "/overview/units", "/overview/tasks?category=OpenOverdue", "/directives", $"/directives/{fixture.World.Conclusion}"];
            foreach (var path in paths)
            {
                await page.GotoAsync(fixture.Url(path));
                await ChromiumPages.ScreenshotAsync(page, $"small-{ScreenshotName(path)}-{width}-{language}");
                // Wide tables scroll inside their own box; the page itself never scrolls sideways.
                var (overflow, culprits) = await ChromiumPages.OverflowAsync(page);
                Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the window: {culprits}");
            }

            await page.Context.CloseAsync();
        }
    }

    private static string ScreenshotName(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0].Trim('/'), "[0-9a-f]{8}-[0-9a-f-]{27}", "one").Replace('/', '-');
}
