using System.Text.RegularExpressions;
using DirectiveFlow.Core.Workflows.Activities.Words;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Studio;

/// <summary>Issue 15 §4: the studio speaks the user's language — palette, property labels, node summaries and a
/// property reader's complaint — from the catalogues, and no page shows a key.</summary>
[Trait("Category", "Browser")]
public sealed class StudioLanguageBrowserTests
{
    private const string BadProperty = """
        { "id": "bad-deadline", "name": "Quy trình hạn quá xa",
          "activities": [
            { "id": "start", "type": "Start", "properties": {} },
            { "id": "task", "type": "UnitTask", "properties": { "title": "Việc", "deadline": { "workingDays": 5000 } } },
            { "id": "end", "type": "End", "properties": {} } ],
          "connections": [ { "source": "start", "outcome": "Done", "target": "task" }, { "source": "task", "outcome": "Done", "target": "end" } ] }
        """;

    [Fact]
    public async Task Palette_labels_summaries_and_a_property_complaint_read_in_Vietnamese_and_in_English()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();

        await ImportAsync(browser, "deadline.workingDays phải từ 0 đến 2600.");
        await browser.ScreenshotAsync("studio-vi-property-error");
        await OpenDesignerAsync(browser, "Nhiệm vụ đơn vị", "Tên nhiệm vụ", "ngày làm việc");
        await browser.ScreenshotAsync("studio-vi-palette");

        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Fstudio"));
        await ImportAsync(browser, "deadline.workingDays must be from 0 to 2600.");
        await browser.ScreenshotAsync("studio-en-property-error");
        await OpenDesignerAsync(browser, "Unit task", "Title", "working days");
        await browser.ScreenshotAsync("studio-en-palette");
    }

    private static async Task ImportAsync(StudioBrowser browser, string complaint)
    {
        var page = browser.Page;
        await page.GotoAsync(browser.Url("/studio"));
        await browser.WaitForCircuitAsync();
        await page.FillAsync("[data-testid=import-json]", BadProperty);
        await page.ClickAsync("[data-testid=import]");

        var error = page.Locator("[data-testid=import-errors] [data-testid=validation-error]");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToContainTextAsync(complaint);
        await ShowsNoKeyAsync(page);
    }

    private static async Task OpenDesignerAsync(StudioBrowser browser, string unitTask, string titleLabel, string summary)
    {
        var page = browser.Page;
        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync(".studio__toolbar");
        await Expect(page.Locator("[data-testid=palette-UnitTask]")).ToContainTextAsync(unitTask);
        await Expect(page.Locator("[data-testid=node-action-plan]")).ToContainTextAsync(summary);

        await page.ClickAsync("[data-testid=node-action-plan] .af-node__head");
        await Expect(page.Locator("[data-testid=property-panel]")).ToContainTextAsync(titleLabel);
        await ShowsNoKeyAsync(page);
    }

    /// <summary>No word key of the activity catalogues (<c>UnitTask.Name</c>, <c>Summary.To</c>, …) shows on the page.</summary>
    private static async Task ShowsNoKeyAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var keys = ActivityWordBook.BuiltIn.Vi.Keys.Where(key => Regex.IsMatch(text, @"(?<![\w.])" + Regex.Escape(key) + @"(?![\w])")).ToList();
        Assert.Empty(keys);
    }
}
