using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Components.Overview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// Issue 13 part 1 in Chromium: an issuer issues a directive with its signed PDF from the new-directive form, typing the
/// dates as dd/MM/yyyy, and finds the file on the directive page with its size and a working download link — in
/// Vietnamese and in English, at desktop and phone width (screenshots bin/…/screenshots/directive-files-*.png).
/// </summary>
[Trait("Category", "Browser")]
public sealed class DirectiveFilesBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    [Theory]
    [InlineData("vi", 1440, "Văn bản ký số (PDF)", "Đã đính kèm văn bản ký số.")]
    [InlineData("vi", 390, "Văn bản ký số (PDF)", "Đã đính kèm văn bản ký số.")]
    [InlineData("en", 1440, "Signed document (PDF)", "The signed document was attached.")]
    [InlineData("en", 390, "Signed document (PDF)", "The signed document was attached.")]
    public async Task An_issuer_issues_with_a_signed_PDF_sees_it_on_the_directive_page_and_attaches_another_there(
        string language, int width, string heading, string attached)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        var number = $"Kết luận số {width}-KL/TU ({language})";
        await page.Locator("#number").FillAsync(number);
        await page.Locator("#document-type").SelectOptionAsync("Conclusion");
        await page.Locator("#title").FillAsync("Về dự án đường Vành đai 4");
        await page.Locator("#issued-on").FillAsync("27/02/2026");
        await page.Locator("#input-deadlineDays").FillAsync("5");
        await page.Locator("#signed-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Kết luận ký số.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf },
        });
        await ChromiumPages.ScreenshotAsync(page, $"directive-files-form-{language}-{width}");
        await page.Locator("form.card button.btn--primary").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/directives/[0-9a-f-]{36}$"));
        var files = page.GetByTestId("directive-files");
        await Expect(files).ToContainTextAsync(heading);
        var link = files.GetByRole(AriaRole.Link, new() { Name = "Kết luận ký số.pdf" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(files).ToContainTextAsync("1 KB");
        await Expect(page.GetByTestId("issued-on")).ToHaveTextAsync("27/02/2026");
        await ChromiumPages.ScreenshotAsync(page, $"directive-files-page-{language}-{width}");

        var href = await link.GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(fixture.Url("/" + href!.TrimStart('/')));
        Assert.Equal(200, download.Status);
        Assert.Equal(AttachmentFiles.Pdf, await download.BodyAsync());

        // A second file after the issue (an appendix signed later), from the directive page itself.
        await page.Locator("#more-signed-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Phụ lục ký số.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf },
        });
        await page.GetByTestId("directive-files-form").Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=files", StringComparison.Ordinal));
        await Expect(page.Locator(".alert--ok")).ToHaveTextAsync(attached);
        await Expect(page.GetByTestId("directive-files").GetByRole(AriaRole.Link, new() { Name = "Phụ lục ký số.pdf" })).ToBeVisibleAsync();
        await page.GetByTestId("directive-files-form").ScrollIntoViewIfNeededAsync();
        await ChromiumPages.ScreenshotAsync(page, $"directive-files-attached-{language}-{width}");

        // Taken off again from the fold under the form.
        var fold = page.GetByTestId("directive-files-remove");
        await fold.Locator("summary").ClickAsync();
        await fold.ScrollIntoViewIfNeededAsync();
        await ChromiumPages.ScreenshotAsync(page, $"directive-files-remove-{language}-{width}");
        await fold.Locator("li", new() { HasText = "Phụ lục ký số.pdf" }).Locator("button").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=file-removed", StringComparison.Ordinal));
        await Expect(page.GetByTestId("directive-files").GetByRole(AriaRole.Link, new() { Name = "Phụ lục ký số.pdf" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("directive-files").GetByRole(AriaRole.Link, new() { Name = "Kết luận ký số.pdf" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
    [Theory]
    [InlineData("vi", 390, "Tệp đã chọn được giữ lại")]
    [InlineData("vi", 1440, "Tệp đã chọn được giữ lại")]
    [InlineData("en", 390, "Files chosen before, kept for you")]
    [InlineData("en", 1440, "Files chosen before, kept for you")]
    public async Task A_PDF_chosen_before_a_refused_field_is_kept_and_issued_without_choosing_it_again(string language, int width, string kept)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        var number = $"Kết luận số {width}-KL/TU giữ tệp {language}";
        await page.Locator("#number").FillAsync(number);
        await page.Locator("#input-deadlineDays").FillAsync("5");
        await page.Locator("#signed-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Kết luận giữ lại.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf },
        });
        // No title: the form comes back with its error, and the file the browser cannot refill is listed, ticked.
        await page.Locator("form.card button.btn--primary").ClickAsync();

        var held = page.GetByTestId("held-signed-files");
        await Expect(held).ToContainTextAsync(kept);
        await Expect(held.GetByRole(AriaRole.Checkbox, new() { Name = "Kết luận giữ lại.pdf" })).ToBeCheckedAsync();
        await Expect(page.Locator("#title ~ .field-error")).ToBeVisibleAsync();
        await held.ScrollIntoViewIfNeededAsync();
        await ChromiumPages.ScreenshotAsync(page, $"directive-files-held-{language}-{width}");

        await page.Locator("#title").FillAsync("Về việc giữ tệp khi biểu mẫu hiện lại");
        await page.Locator("form.card button.btn--primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/directives/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("directive-files").GetByRole(AriaRole.Link, new() { Name = "Kết luận giữ lại.pdf" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
