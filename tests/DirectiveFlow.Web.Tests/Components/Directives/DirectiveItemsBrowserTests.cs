using System.Text.RegularExpressions;
using DirectiveFlow.Web.Tests.Components.Overview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// Issue 17's "Done when" in Chromium: the issuer pastes a three-item conclusion, the page proposes the three rows
/// with what each matched and how sure; issuing with the unsure row refuses on that row; the issuer corrects its lead
/// unit, the command's refusal of a past deadline shows on its row, then the issue goes through and the directive page
/// lists the three items with their units and deadlines. Screenshots
/// (bin/…/screenshots/items-*.png) of both pages at 1440 and 390 px, in Vietnamese and English.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DirectiveItemsBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    private const string Conclusion = """
        THÔNG BÁO KẾT LUẬN của Thường trực Thành ủy
        1. Giao Sở Xây dựng chủ trì, phối hợp Sở Tài chính hoàn thành phương án giải phóng mặt bằng đường Vành đai 4 trước ngày 15/12/2026.
        2. Giao UBND phường Hoàn Kiếm chủ trì, phối hợp Ủy ban MTTQ phường Hoàn Kiếm vận động người dân, hoàn thành trong quý I/2027.
        3. Giao Ba Đình chủ trì, thường xuyên báo cáo tiến độ.
        """;

    [Theory]
    [InlineData("vi", 1440, 390, "chắc chắn", "cần chọn", "Nhiệm vụ", "Thường xuyên")]
    [InlineData("en", 390, 1440, "certain", "to choose", "Task", "Ongoing")]
    public async Task An_issuer_pastes_a_conclusion_corrects_a_proposed_unit_issues_and_sees_the_three_items(
        string language, int width, int otherWidth, string sure, string choose, string task, string periodic)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=conclusion-items"));
        var editor = page.GetByTestId("items-editor");
        await editor.GetByTestId("items-paste").FillAsync(Conclusion);
        await editor.GetByTestId("items-propose").ClickAsync();

        var rows = editor.Locator("fieldset.item-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).GetByTestId("item-lead")).ToHaveValueAsync("Sở Xây dựng Thành phố Hà Nội");
        await Expect(rows.Nth(0).GetByTestId("item-supporting")).ToHaveValueAsync("Sở Tài chính Thành phố Hà Nội");
        await Expect(rows.Nth(0).GetByTestId("item-deadline")).ToHaveValueAsync("15/12/2026");
        await Expect(rows.Nth(0).GetByTestId("confidence").First).ToHaveTextAsync(sure);
        await Expect(rows.Nth(1).GetByTestId("item-deadline")).ToHaveValueAsync("31/03/2027");
        await Expect(rows.Nth(2).GetByTestId("item-periodic")).ToBeCheckedAsync();
        await Expect(rows.Nth(2).GetByTestId("confidence").First).ToHaveTextAsync(choose);
        await Expect(rows.Nth(2).GetByTestId("item-warnings")).ToBeVisibleAsync();

        await page.Locator("#number").FillAsync($"Thông báo số {width}-TB/TU");
        await page.Locator("#title").FillAsync("Kết luận về tuyến Vành đai 4");
        await page.Locator("button.btn--primary").ClickAsync();
        // The unsure lead blocks issuing, on its own row; nothing was issued.
        await Expect(rows.Nth(2).Locator(".field-error")).ToHaveCountAsync(1);
        Assert.EndsWith("/directives/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(rows.Nth(0).Locator(".field-error")).ToHaveCountAsync(0);

        // A row added by hand and removed again leaves the three proposed ones as they were.
        await editor.GetByTestId("item-add").ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await rows.Nth(3).GetByTestId("item-remove").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(2).GetByTestId("item-lead")).ToHaveValueAsync("Ủy ban nhân dân phường Ba Đình");

        // The correction: item 3 goes to Ba Đình's Party committee rather than the committee the parser guessed.
        await rows.Nth(2).GetByTestId("item-pick-00004-PARTY").CheckAsync();
        await ScreenshotsAsync(page, "items-new", language, width, otherWidth);

        // A deadline already past (today is 5 March 2026) is the command's refusal, shown on its row.
        await rows.Nth(1).GetByTestId("item-deadline").FillAsync("02/01/2026");
        await page.Locator("button.btn--primary").ClickAsync();
        await Expect(rows.Nth(1).Locator(".field-error")).ToContainTextAsync("02/01/2026");
        await Expect(rows.Nth(2).GetByTestId("item-lead")).ToHaveValueAsync("Đảng ủy phường Ba Đình");
        await Expect(rows.Nth(2).Locator(".field-error")).ToHaveCountAsync(0);
        await rows.Nth(1).GetByTestId("item-deadline").FillAsync("31/03/2027");

        await page.Locator("button.btn--primary").ClickAsync();
        await page.WaitForURLAsync(new Regex("/directives/[0-9a-f-]{36}$"));
        var items = page.GetByTestId("directive-item");
        await Expect(items).ToHaveCountAsync(3);
        Assert.Equal([$"{task} 1", $"{task} 2", $"{task} 3"], await items.GetByTestId("directive-item-title").AllInnerTextsAsync());
        var leads = await items.GetByTestId("directive-item-lead").AllInnerTextsAsync();
        Assert.Equal("Sở Xây dựng Thành phố Hà Nội", leads[0]);
        Assert.Contains("Hoàn Kiếm", leads[1], StringComparison.Ordinal);
        Assert.Contains("Đảng ủy phường Ba Đình", leads[2], StringComparison.Ordinal);
        Assert.Equal("Sở Tài chính Thành phố Hà Nội", await items.Nth(0).GetByTestId("directive-item-supporting").InnerTextAsync());
        Assert.Equal(["15/12/2026", "31/03/2027", periodic], await items.GetByTestId("directive-item-deadline").AllInnerTextsAsync());
        await ScreenshotsAsync(page, "items-directive", language, width, otherWidth);
        await page.Context.CloseAsync();
    }

    /// <summary>The page at both widths; at 390 px nothing may stick out, and no text key may show.</summary>
    private static async Task ScreenshotsAsync(IPage page, string name, string language, params int[] widths)
    {
        foreach (var width in widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await ChromiumPages.ScreenshotAsync(page, $"{name}-{language}-{width}");
            var (overflow, culprits) = await ChromiumPages.OverflowAsync(page);
            Assert.True(overflow <= 0, $"{name} at {width} px is {overflow} px too wide: {culprits}");
        }

        Assert.DoesNotContain("Items.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.SetViewportSizeAsync(widths[0], 900);
    }
}
