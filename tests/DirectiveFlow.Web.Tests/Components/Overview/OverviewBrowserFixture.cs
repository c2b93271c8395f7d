using DirectiveFlow.Web.Tests.Api.Reports;
using DirectiveFlow.Web.Tests.Components.Studio;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// The reports' data set (<see cref="ReportsApiWorld"/>: two directives, twelve tasks, twelve ward units not yet
/// reached) served on a real port and read in Chromium; each test opens its own signed-in page.
/// </summary>
public sealed class OverviewBrowserFixture : IAsyncLifetime
{
    private ChromiumPages? _pages;

    public ReportsApiWorld World { get; private set; } = default!;

    public ChromiumPages Pages => ChromiumPages.Require(_pages);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(StudioBrowser.ChromiumPath))
        {
            return;
        }

        World = await ReportsApiWorld.CreateAsync(kestrel: true);
        _pages = await ChromiumPages.StartAsync(World.App.ClientOptions.BaseAddress.ToString().TrimEnd('/'));
    }

    public string Url(string path) => Pages.Url(path);

    public Task<Microsoft.Playwright.IPage> SignedInPageAsync(string userName, int width = 1440, string language = "vi") =>
        Pages.SignedInPageAsync(userName, width, language);

    public async ValueTask DisposeAsync()
    {
        if (_pages is not null)
        {
            await _pages.DisposeAsync();
        }

        if (World is not null)
        {
            await World.DisposeAsync();
        }
    }
}
