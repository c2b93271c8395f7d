using System.Collections.Concurrent;

namespace DirectiveFlow.Web.Tests.Infrastructure;

/// <summary>
/// One demo-mode app per database provider ("Sqlite", "PostgreSql"), started on first use and shared by a test class;
/// no scheduler and an outside SMTP host, so no background work or mail catcher runs beside the tests.
/// </summary>
public sealed class ProviderAppsFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DirectiveFlowWebFactory>>> _apps = new(StringComparer.Ordinal);

    public Task<DirectiveFlowWebFactory> OnAsync(string provider) => _apps.GetOrAdd(provider, p => new Lazy<Task<DirectiveFlowWebFactory>>(() =>
        DirectiveFlowWebFactory.CreateAsync(p, new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
        }))).Value;

    public async ValueTask DisposeAsync()
    {
        // A provider that was skipped (PostgreSQL not configured) or failed to start has nothing to dispose.
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
        {
            await (await app.Value).DisposeAsync();
        }
    }
}
