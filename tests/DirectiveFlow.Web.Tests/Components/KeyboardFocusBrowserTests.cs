using DirectiveFlow.Web.Tests.Components.Studio;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>Regression (issue 13, part 6): buttons and links showed no keyboard focus.</summary>
[Trait("Category", "Browser")]
public sealed class KeyboardFocusBrowserTests
{
    private const string Blue = "rgb(29, 79, 145)";
    private const string Gold = "rgb(242, 201, 76)";

    [Fact]
    public async Task Tabbing_to_a_button_and_to_a_link_draws_a_visible_outline()
    {
        await using var browser = await StudioBrowser.StartAsync();
        var page = browser.Page;
        await page.GotoAsync(browser.Url("/login"));

        Assert.Equal(new Outline("solid", "3px", Blue, InHeader: false), await TabToAsync(page, "BUTTON"));

        await browser.LoginAsync("00070-PARTY");
        await page.GotoAsync(browser.Url("/inbox"));
        // A page starts focused on its heading: forward lies the content, back the navy menu, where the ring is gold.
        Assert.Equal(new Outline("solid", "3px", Blue, InHeader: false), await TabToAsync(page, "A", inHeader: false));
        Assert.Equal(new Outline("solid", "3px", Gold, InHeader: true), await TabToAsync(page, "A", inHeader: true, key: "Shift+Tab"));
    }

    /// <summary>
    /// Presses <paramref name="key"/> until the focused element has <paramref name="tag"/> (inside the navy header and menu or not, when
    /// <paramref name="inHeader"/> says), then reads its computed outline.
    /// </summary>
    private static async Task<Outline> TabToAsync(IPage page, string tag, bool? inHeader = null, string key = "Tab")
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<string>("() => document.activeElement?.tagName ?? ''") == tag)
            {
                var o = await page.EvaluateAsync<string[]>("""
                    () => { const e = document.activeElement, s = getComputedStyle(e);
                            return [s.outlineStyle, s.outlineWidth, s.outlineColor, String(e.closest('.app-header, .app-nav') !== null)]; }
                    """);
                var outline = new Outline(o[0], o[1], o[2], o[3] == "true");
                if (inHeader is null || outline.InHeader == inHeader)
                {
                    return outline;
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached a <{tag.ToLowerInvariant()}>.");
    }

    private sealed record Outline(string Style, string Width, string Color, bool InHeader);
}
