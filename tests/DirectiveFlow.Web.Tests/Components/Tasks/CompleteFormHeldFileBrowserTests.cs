using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Tests.Components.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Tasks;

/// <summary>
/// In Chromium: an officer chooses the result's file, forgets the result, and the form comes back with the file listed
/// and ticked; completing then attaches it without choosing it again — in Vietnamese and English, at desktop and phone
/// width (screenshots bin/…/screenshots/complete-held-*.png).
/// </summary>
[Trait("Category", "Browser")]
public sealed class CompleteFormHeldFileBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData("vi", 1440, "Tệp đã chọn được giữ lại")]
    [InlineData("vi", 390, "Tệp đã chọn được giữ lại")]
    [InlineData("en", 1440, "Files chosen before, kept for you")]
    [InlineData("en", 390, "Files chosen before, kept for you")]
    public async Task A_file_chosen_before_a_missing_result_is_kept_and_attached_on_completion(string language, int width, string kept)
    {
        Guid taskId;
        await using (var db = fixture.World.App.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var directive = await data.DirectiveAsync($"Kết luận số {width}-{language}/KL-TU", "Nộp biên bản kiểm tra");
            taskId = (await data.TaskAsync(directive, "00070-PARTY", "Nộp biên bản kiểm tra", UiTestData.Now.AddDays(9), UnitTaskStatus.InProgress)).Id;
        }

        var page = await fixture.SignedInPageAsync("00070-PARTY", width, language);
        await page.GotoAsync(fixture.Url($"/tasks/{taskId}"));
        var form = page.Locator("form:has(#complete-file)");
        if (!await form.IsVisibleAsync())
        {
            await page.Locator("details:has(#complete-file) > summary").ClickAsync();
        }

        await page.Locator("#complete-file").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Biên bản kiểm tra.png", MimeType = "image/png", Buffer = Png },
        });
        await form.Locator("button.btn--primary").ClickAsync();

        var held = page.GetByTestId("held-complete-file");
        await Expect(held).ToContainTextAsync(kept);
        await Expect(held.GetByRole(AriaRole.Checkbox, new() { Name = "Biên bản kiểm tra.png" })).ToBeCheckedAsync();
        await Expect(page.Locator("#complete-result ~ .field-error")).ToBeVisibleAsync();
        await held.ScrollIntoViewIfNeededAsync();
        await ChromiumPages.ScreenshotAsync(page, $"complete-held-{language}-{width}");

        await page.Locator("#complete-result").FillAsync("Đã nộp biên bản kiểm tra");
        await page.Locator("form:has(#complete-file) button.btn--primary").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=complete", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Biên bản kiểm tra.png" })).ToBeVisibleAsync();
        await using (var db = fixture.World.App.Database.CreateContext())
        {
            Assert.Equal(UnitTaskStatus.Completed, await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(TestContext.Current.CancellationToken));
            Assert.Single(await db.Attachments.Where(a => a.TaskId == taskId).ToListAsync(TestContext.Current.CancellationToken));
        }

        await page.Context.CloseAsync();
    }
}
