using DirectiveFlow.Web.Tests.Api.Reports;
using DirectiveFlow.Web.Tests.Components.Studio;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// The reports' data set (<see cref="ReportsApiWorld"/>: two directives, twelve tasks, twelve ward units not yet
/// reached) served on a real port and read in Debian's Chromium; each test opens its own signed-in page. Skips,
/// saying why, when Chromium is absent.
/// </summary>
public sealed class OverviewBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ReportsApiWorld World { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(StudioBrowser.ChromiumPath))
        {
            return;
        }

        World = await ReportsApiWorld.CreateAsync(kestrel: true);
        BaseUrl = World.App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = StudioBrowser.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public string Url(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    /// <summary>A new page signed in as <paramref name="userName"/>, <paramref name="width"/> pixels wide, in Vietnamese unless told.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1440, string language = "vi")
    {
        if (_browser is null)
        {
            Assert.Skip($"Chromium is not installed at {StudioBrowser.ChromiumPath} (apt install chromium); the overview browser tests need it.");
        }

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

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (World is not null)
        {
            await World.DisposeAsync();
        }
    }
}
