using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DirectiveFlow.Web.Tests.Components.Studio;

/// <summary>
/// The app on a real Kestrel port (fresh SQLite database, demo organisation and logins) driven by Debian's Chromium
/// through Playwright. Tests call <see cref="StartAsync"/>, which skips them, saying why, when Chromium is absent.
/// </summary>
public sealed class StudioBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private StudioBrowser(DirectiveFlowWebFactory app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public DirectiveFlowWebFactory App { get; }

    public string BaseUrl { get; }

    public IPage Page { get; private set; } = null!;

    public static async Task<StudioBrowser> StartAsync(Action<IServiceCollection>? services = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt install chromium); the studio browser tests need it.");
        }

        // Development: static web assets (blazor.web.js, MudBlazor, Z.Blazor.Diagrams) are served from their packages.
        var app = await DirectiveFlowWebFactory.CreateAsync(environment: "Development", configureServices: services);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var browser = new StudioBrowser(app, address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        browser._playwright = await Playwright.CreateAsync();
        browser._browser = await browser._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser._browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        // The suite runs beside hundreds of other tests on two cores; a redraw may take seconds there.
        Assertions.SetDefaultExpectTimeout(20_000);
        browser.Page = await context.NewPageAsync();
        return browser;
    }

    public string Url(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    public async Task LoginAsync(string userName = "admin")
    {
        await Page.GotoAsync(Url("/login"));
        await Page.FillAsync("#username", userName);
        await Page.FillAsync("#password", DirectiveFlowWebFactory.DemoPassword);
        await Page.Locator("form.form button[type=submit]").ClickAsync();
        // A scenario's first sign-in is the host's first page after its start; on a loaded CI machine that took over 30 s once.
        await Page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Waits until the page's interactive root is live, so clicks reach .NET and are not lost on the prerendered page. <paramref name="scope"/> narrows the marker to one page's element
    /// (e.g. ".studio__toolbar" for the designer): right after a client-side navigation the previous page's marker can
    /// still be in the DOM, and a click on the new page's prerendered buttons would be lost.
    /// </summary>
    public async Task WaitForCircuitAsync(string scope = "")
    {
        await Page.Locator($"{scope}[data-studio-ready=true]").WaitForAsync();
    }

    public async Task<HttpClient> ApiAsync(string userName)
    {
        var token = await App.GetTokenAsync(userName);
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    /// <summary>Saves a screenshot beside the test output, for a human to look at.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
