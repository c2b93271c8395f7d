using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Studio;

[Trait("Category", "Browser")]
public sealed class StudioDesignerBrowserTests
{
    [Fact]
    public async Task A_shipped_flow_opens_in_the_designer_with_a_node_per_activity_and_its_links()
    {
        await using var browser = await StudioBrowser.StartAsync();
        await browser.LoginAsync();

        await browser.Page.GotoAsync(browser.Url("/studio/party-conclusion"));
        await browser.WaitForCircuitAsync();

        await Assertions.Expect(browser.Page.Locator("[data-testid=node-city-pillars]")).ToBeVisibleAsync();
        var nodes = await browser.Page.Locator("[data-testid^=node-]").CountAsync();
        Assert.True(nodes >= 6, $"only {nodes} nodes drawn");
        await browser.ScreenshotAsync("designer-party-conclusion");
        await Assertions.Expect(browser.Page.Locator("g.diagram-link").First).ToBeAttachedAsync();
        Assert.True(await browser.Page.Locator("g.diagram-link").CountAsync() >= 5, "links are drawn");
    }
}
