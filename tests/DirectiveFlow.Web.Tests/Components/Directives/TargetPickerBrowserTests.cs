using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Components.Overview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// Issue 13 §2 in Chromium: the issuer finds three wards in the "Đơn vị nhận" picker (searching without accents, select
/// all / none), issues, and the directive page lists exactly those three; screenshots (bin/…/screenshots/target-picker-*.png)
/// at desktop and phone width, in Vietnamese and English. The signed PDF is attached in the same issue and listed after it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TargetPickerBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    [Theory]
    [InlineData("vi", 1440, "Đơn vị nhận", "Chọn tất cả")]
    [InlineData("en", 390, "Target units", "Select all")]
    public async Task An_issuer_picks_three_wards_issues_and_sees_exactly_them_on_the_directive_page(string language, int width, string title, string selectAll)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        var picker = page.GetByTestId("target-picker");
        await Expect(picker.Locator("h2")).ToHaveTextAsync(title);
        var boxes = picker.Locator("input[type=checkbox]");
        Assert.Equal(4, await boxes.CountAsync());

        await picker.GetByText(selectAll).ClickAsync();
        Assert.Equal(4, await CheckedAsync(boxes));
        await picker.GetByTestId("target-none").ClickAsync();
        Assert.Equal(0, await CheckedAsync(boxes));

        await picker.GetByTestId("target-search").FillAsync("hoan kiem");
        await Expect(picker.GetByTestId("target-00004")).ToBeHiddenAsync();
        await picker.GetByTestId("target-00070").CheckAsync();
        await picker.GetByTestId("target-search").FillAsync("");
        await picker.GetByTestId("target-00004").CheckAsync();
        await picker.GetByTestId("target-search").FillAsync("00613");
        await picker.GetByTestId("target-00613").CheckAsync();
        await page.Locator("#number").FillAsync($"Kết luận số {width}-KL/TU");
        await page.Locator("#title").FillAsync("Về tuyến Vành đai 4");
        // The signed document goes with the issue (issue 13's "three chosen wards with a signed PDF").
        await page.Locator("#signed-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Kết luận Vành đai 4.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf },
        });
        await Expect(page.Locator("#signed-files ~ [data-file-chooser-name]")).ToHaveTextAsync("Kết luận Vành đai 4.pdf");
        await ChromiumPages.ScreenshotAsync(page, $"target-picker-{language}-{width}");

        await page.Locator("button.btn--primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/directives/[0-9a-f-]{36}$"));
        var chosen = page.GetByTestId("chosen-targets-ward-counterparts").Locator("li");
        await Expect(chosen).ToHaveCountAsync(3);
        Assert.Equal(["Ba Đình", "Hoàn Kiếm", "Tây Tựu"], (await chosen.AllInnerTextsAsync()).Order(StringComparer.Ordinal));
        await Expect(page.GetByTestId("directive-files").GetByRole(AriaRole.Link, new() { Name = "Kết luận Vành đai 4.pdf" })).ToBeVisibleAsync();
        await ChromiumPages.ScreenshotAsync(page, $"target-picker-issued-{language}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("vi", 390, "2 mã trong tệp “phuong.csv” đã được đưa vào ô này")]
    [InlineData("vi", 1440, "2 mã trong tệp “phuong.csv” đã được đưa vào ô này")]
    [InlineData("en", 390, "The codes of “phuong.csv” (2) were put in this box")]
    [InlineData("en", 1440, "The codes of “phuong.csv” (2) were put in this box")]
    public async Task A_CSV_uploaded_before_the_form_came_back_is_kept_as_pasted_codes(string language, int width, string kept)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        await page.Locator("#number").FillAsync($"Kết luận số {width}-KL/TU CSV {language}");
        await page.GetByTestId("target-csv").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "phuong.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("ma,ten\n00004,Ba Đình\n00070,Hoàn Kiếm\n") },
        });
        // No title: the form comes back, and the file the browser cannot refill is in the box as codes.
        await page.Locator("button.btn--primary").ClickAsync();

        await Expect(page.GetByTestId("target-text")).ToHaveValueAsync("00004\n00070");
        await Expect(page.GetByTestId("target-csv-kept")).ToContainTextAsync(kept);
        await page.GetByTestId("target-text").ScrollIntoViewIfNeededAsync();
        await ChromiumPages.ScreenshotAsync(page, $"target-picker-csv-kept-{language}-{width}");
        await page.Context.CloseAsync();
    }

    private static async Task<int> CheckedAsync(ILocator boxes) =>
        (await boxes.EvaluateAllAsync<bool[]>("boxes => boxes.map(b => b.checked)")).Count(c => c);
}
