using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Studio;

[Trait("Category", "Browser")]
public sealed class StudioDesignerBrowserTests
{
    [Fact]
    public async Task Validation_errors_are_pinned_to_their_nodes_and_leaving_with_unsaved_changes_asks_first()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();

        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=node-city-pillars]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid^=node-]").CountAsync() >= 6);
        Assert.True(await page.Locator("g.diagram-link").CountAsync() >= 5, "links are drawn");
        await browser.ScreenshotAsync("designer-party-conclusion");

        // Cutting the Start off makes the rest unreachable: the engine's validator says so, node by node.
        await page.ClickAsync("[data-testid=node-start] .af-node__head");
        await page.ClickAsync("[data-testid=property-panel] [data-testid^=connection-Done-] button");
        await page.ClickAsync("[data-testid=validate]");
        await Expect(page.Locator("[data-testid=validation-error]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=error-badge-city-pillars]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=node-city-pillars]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-errors"));
        await browser.ScreenshotAsync("designer-validation-errors");

        // Leaving now asks; dismissing keeps the page and the changes.
        var asked = 0;
        page.Dialog += async (_, dialog) =>
        {
            asked++;
            await dialog.DismissAsync();
        };
        await page.ClickAsync(".studio__toolbar a[href='studio']");
        for (var waited = 0; asked == 0 && waited < 100; waited++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        await page.WaitForTimeoutAsync(300);
        Assert.Equal(1, asked);
        Assert.EndsWith("/studio/party-conclusion", page.Url, StringComparison.Ordinal);

        // Undo brings the connection back; the errors clear as the model changes.
        await page.ClickAsync("[data-testid=undo]");
        await Expect(page.Locator("[data-testid=validation-ok]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid^=error-badge-]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=dirty-state]")).ToContainTextAsync("Đã lưu");
    }

    [Fact]
    public async Task An_escalation_step_can_be_marked_to_be_sent_at_once_instead_of_in_the_digest()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=node-action-plan] .af-node__head");
        await Expect(page.Locator("[data-testid=property-panel][data-activity-id=action-plan]")).ToBeVisibleAsync();

        // The task has no ladder of its own: making one starts from the default, whose steps are not immediate.
        await page.CheckAsync("[data-testid=prop-escalation-custom]");
        await Expect(page.Locator("[data-testid=property-panel]")).ToContainTextAsync("Gửi ngay (không gộp vào bản tổng hợp)");
        await Expect(page.Locator("[data-testid=prop-escalation-immediate-1]")).Not.ToBeCheckedAsync();
        await page.CheckAsync("[data-testid=prop-escalation-immediate-1]");
        await Expect(page.Locator("[data-testid=prop-escalation-immediate-1]")).ToBeCheckedAsync();
        await page.ClickAsync("[data-testid=save-draft]");
        await Expect(page.Locator("[data-testid=dirty-state]")).ToContainTextAsync("Đã lưu");

        using var admin = await browser.ApiAsync("admin");
        var exported = await StudioBrowser.JsonAsync(await admin.GetAsync("/api/workflows/party-conclusion/export", TestContext.Current.CancellationToken));
        var steps = exported["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "action-plan")!["properties"]!["escalation"]!["steps"]!.AsArray();
        Assert.Equal([false, true, false], steps.Select(s => s!["immediate"]?.GetValue<bool>() ?? false));
    }

    [Fact]
    public async Task Who_may_issue_the_flow_is_edited_in_the_flow_panel_and_saved()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/studio/committee-directive"));
        await browser.WaitForCircuitAsync();

        // The shipped flow declares the city's People's Committee; the council and one Front unit are added.
        await Expect(page.Locator("[data-testid=flow-issuers]")).ToContainTextAsync("Không chọn gì: mọi đơn vị.");
        await Expect(page.Locator("[data-testid=issuers-pillar-COMMITTEE]")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=issuers-level-province]")).ToBeCheckedAsync();
        await page.CheckAsync("[data-testid=issuers-pillar-COUNCIL]");
        await Expect(page.Locator("[data-testid=issuers-pillar-COUNCIL]")).ToBeCheckedAsync();
        await page.FillAsync("[data-testid=issuers-units]", "01-FRONT, 01-FRONT");
        await page.PressAsync("[data-testid=issuers-units]", "Tab");
        await Expect(page.Locator("[data-testid=issuers-units]")).ToHaveValueAsync("01-FRONT");
        await page.ClickAsync("[data-testid=save-draft]");
        await Expect(page.Locator("[data-testid=dirty-state]")).ToContainTextAsync("Đã lưu");

        using var admin = await browser.ApiAsync("admin");
        var exported = await StudioBrowser.JsonAsync(await admin.GetAsync("/api/workflows/committee-directive/export", TestContext.Current.CancellationToken));
        var issuers = exported["issuers"]!;
        Assert.Equal(["COMMITTEE", "COUNCIL"], issuers["pillars"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["province"], issuers["levels"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["01-FRONT"], issuers["units"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Importing_an_invalid_definition_shows_every_error_and_saves_nothing()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/studio"));
        await browser.WaitForCircuitAsync();
        var before = await page.Locator("[data-testid^=definition-]").CountAsync();

        await page.FillAsync("[data-testid=import-json]", """
            { "id": "broken-import", "name": "Quy trình hỏng",
              "activities": [
                { "id": "start", "type": "Start", "properties": {} },
                { "id": "task", "type": "UnitTask", "properties": { "title": "Không có thời hạn" } },
                { "id": "jump", "type": "Teleport", "properties": {} } ],
              "connections": [ { "source": "start", "outcome": "Done", "target": "task" } ] }
            """);
        await page.ClickAsync("[data-testid=import]");

        await Expect(page.Locator("[data-testid=import-errors]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=import-errors] [data-testid=validation-error]").CountAsync() >= 2, "the missing deadline and the unknown type are both reported");
        await Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("jump");
        await Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("task");
        await Expect(page.Locator("[data-testid^=definition-]")).ToHaveCountAsync(before);
        using var admin = await browser.ApiAsync("admin");
        using var stored = await admin.GetAsync("/api/workflows/broken-import", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stored.StatusCode);

        await page.FillAsync("[data-testid=import-json]", "{ not json");
        await page.ClickAsync("[data-testid=import]");
        await Expect(page.Locator("[data-testid=import-errors] [data-testid=validation-error]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid^=definition-]")).ToHaveCountAsync(before);
    }
}
