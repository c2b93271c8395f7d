using DirectiveFlow.Web.Tests.Components.Studio;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// Debian's Chromium, headless, opening signed-in pages of an app served at <see cref="BaseUrl"/>, and saving what it
/// shows for a human to look at. <see cref="StartAsync"/> answers null when Chromium is absent (the tests then skip).
/// </summary>
public sealed class ChromiumPages : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumPages(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ChromiumPages?> StartAsync(string baseUrl)
    {
        if (!File.Exists(StudioBrowser.ChromiumPath))
        {
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = StudioBrowser.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
        return new ChromiumPages(playwright, browser, baseUrl);
    }

    /// <summary>Skips the test, saying why, when there is no Chromium.</summary>
    public static ChromiumPages Require(ChromiumPages? pages)
    {
        if (pages is null)
        {
            Assert.Skip($"Chromium is not installed at {StudioBrowser.ChromiumPath} (apt install chromium); the overview browser tests need it.");
        }

        return pages;
    }

    public string Url(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    /// <summary>A new page signed in as <paramref name="userName"/>, <paramref name="width"/> pixels wide, in Vietnamese unless told.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1440, string language = "vi")
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (language == "en")
        {
            await page.GotoAsync(Url("/culture/en?returnUrl=%2Flogin"));
        }

        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DirectiveFlowWebFactory.DemoPassword);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Saves a full-page screenshot beside the test output, for a human to look at, in parts of at most
    /// <paramref name="partHeight"/> pixels (a phone page is long, and a viewer shrinks a long picture to nothing).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, int partHeight = 1800)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var width = page.ViewportSize?.Width ?? 1440;
        for (var (top, part) = (0, 1); top < height; top += partHeight, part++)
        {
            var suffix = height > partHeight ? $"-{part}" : "";
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(folder, $"{name}{suffix}.png"),
                FullPage = true,
                Clip = new() { X = 0, Y = top, Width = width, Height = Math.Min(partHeight, height - top) },
            });
        }
    }

    /// <summary>How much wider than the window the page is (0 or less: it fits), and what sticks out.</summary>
    public static async Task<(int Overflow, string Culprits)> OverflowAsync(IPage page) =>
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"), await page.EvaluateAsync<string>(WidestElements));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>The outermost elements that stick out of the window, to say what made a page too wide.</summary>
    private const string WidestElements = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """;
}
