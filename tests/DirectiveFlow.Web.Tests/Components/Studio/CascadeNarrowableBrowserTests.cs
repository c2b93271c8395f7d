using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Studio;

/// <summary>Issue 13 §2: whether the issuer may choose a cascade's targets is a checkbox of the Cascade's property panel.</summary>
[Trait("Category", "Browser")]
public sealed class CascadeNarrowableBrowserTests
{
    [Fact]
    public async Task Letting_the_issuer_choose_a_cascades_targets_is_a_checkbox_saved_with_the_draft()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await browser.LoginAsync();
        await page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync();

        await page.ClickAsync("[data-testid=node-ward-counterparts] .af-node__head");
        await Expect(page.Locator("[data-testid=property-panel][data-activity-id=ward-counterparts]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=property-panel]")).ToContainTextAsync("Người ban hành được chọn đơn vị nhận");
        await Expect(page.Locator("[data-testid=prop-narrowable]")).ToBeCheckedAsync();

        await page.ClickAsync("[data-testid=node-city-pillars] .af-node__head");
        await Expect(page.Locator("[data-testid=property-panel][data-activity-id=city-pillars]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=prop-narrowable]")).Not.ToBeCheckedAsync();
        await page.CheckAsync("[data-testid=prop-narrowable]");
        await page.ClickAsync("[data-testid=save-draft]");
        await Expect(page.Locator("[data-testid=dirty-state]")).ToContainTextAsync("Đã lưu");

        using var admin = await browser.ApiAsync("admin");
        var exported = await StudioBrowser.JsonAsync(await admin.GetAsync("/api/workflows/party-conclusion/export", TestContext.Current.CancellationToken));
        var cascades = exported["activities"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Cascade")
            .ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!["properties"]!["narrowable"]?.GetValue<bool>() ?? false);
        Assert.Equal(new Dictionary<string, bool> { ["city-pillars"] = true, ["ward-counterparts"] = true }, cascades);
    }
}
