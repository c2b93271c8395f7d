using System.Net.Http.Headers;
using System.Net.Http.Json;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectiveFlow.Web.Tests.Infrastructure;

/// <summary>
/// The app on a fresh <see cref="TestDatabase"/> (SQLite or PostgreSQL), demo mode on (demo organisation and logins
/// seeded), environment "Testing". Create with <see cref="CreateAsync"/>; dispose to drop the database.
/// <code>
/// await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
/// using var client = await app.CreateClientForAsync("00070-PARTY");
/// </code>
/// </summary>
public sealed class DirectiveFlowWebFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = DemoOptions.DefaultPassword;

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _ownsDatabase;
    private IHost? _host;

    private DirectiveFlowWebFactory(
        TestDatabase database, string environment, IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices,
        bool ownsDatabase = true)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _environment = environment;
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = DemoPassword,
            // Test output keeps warnings and errors only, so a failure is not buried under start-up chatter.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    /// <param name="provider">"Sqlite" or "PostgreSql" (skips the test when PostgreSQL is not configured).</param>
    /// <param name="settings">Configuration overrides, e.g. <c>["Demo:Enabled"] = "false"</c>.</param>
    /// <param name="configureServices">Service overrides applied after the app's own, e.g. a FakeTimeProvider.</param>
    public static async Task<DirectiveFlowWebFactory> CreateAsync(
        string provider = nameof(DatabaseProvider.Sqlite),
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string environment = "Testing") =>
        new(await TestDatabase.CreateAsync(provider), environment, settings, configureServices);

    /// <summary>
    /// One node of a cluster on <paramref name="database"/>, which the caller keeps and disposes after every node
    /// (disposing the node leaves it).
    /// </summary>
    public static DirectiveFlowWebFactory Node(
        TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        new(database, "Testing", settings, configureServices, ownsDatabase: false);

    /// <summary>A bearer token from <c>POST /api/auth/token</c> for a demo account (all share <see cref="DemoPassword"/>).</summary>
    public async Task<string> GetTokenAsync(string userName, string password = DemoPassword)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>A client that sends <paramref name="userName"/>'s bearer token on every request.</summary>
    public async Task<HttpClient> CreateClientForAsync(string userName)
    {
        var token = await GetTokenAsync(userName);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Serves the app on a free port of this machine (for a real browser) instead of in memory; clients made after this
    /// call it there. Call before the first client. Returns the base address, e.g. "http://127.0.0.1:41234".
    /// </summary>
    public string ServeOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ClientOptions.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _host = base.CreateHost(builder);
        return _host;
    }

    /// <summary>
    /// Program's own <c>RunAsync</c> stops the host when ApplicationStopping fires, and the base class stops it too, at
    /// the same moment (dotnet/aspnetcore#40271): hosted services then stop twice in parallel and fail at random
    /// (a NullReferenceException in Host.ForeachService). So the app is asked to stop and left to stop and dispose itself.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (_host is null)
        {
            await base.DisposeAsync();
        }
        else
        {
            await StopAndWaitForDisposalAsync(_host);
        }

        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private static async Task StopAndWaitForDisposalAsync(IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStopped.Register(() => stopped.TrySetResult()))
        {
            lifetime.StopApplication();
            await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        for (var waited = 0; waited < 10_000; waited += 20)
        {
            try
            {
                host.Services.GetService<IHostApplicationLifetime>();
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
