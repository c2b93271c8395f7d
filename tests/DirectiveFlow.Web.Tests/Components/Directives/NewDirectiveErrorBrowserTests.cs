using DirectiveFlow.Web.Tests.Components.Overview;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// Issue 15 §4 in Chromium: a refused directive shows its field errors in the language the reader chose — no English
/// word on the Vietnamese page —, saved as screenshots (bin/…/screenshots/new-directive-error-*.png) for a person to see.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NewDirectiveErrorBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    [Theory]
    [InlineData("vi", "Bắt buộc", "Required")]
    [InlineData("en", "Required", "Bắt buộc")]
    public async Task A_refused_directive_shows_its_field_errors_in_the_readers_language(string language, string says, string never)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", language: language);
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        await page.Locator("#title").FillAsync("   ");
        await page.Locator("button.btn--primary").ClickAsync();

        var errors = page.Locator(".field-error");
        await Expect(errors.First).ToBeVisibleAsync();
        await ChromiumPages.ScreenshotAsync(page, $"new-directive-error-{language}");
        var shown = string.Join(" | ", await errors.AllInnerTextsAsync());
        Assert.Contains(says, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(never, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", shown, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
