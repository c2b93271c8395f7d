using System.Collections.Concurrent;

namespace DirectiveFlow.Web.Tests.Security.Hostile;

/// <summary>One <see cref="HostileHost"/> per environment, started on first use and shared by a test class.</summary>
public sealed class HostileHostsFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HostileHost>>> _hosts = new(StringComparer.Ordinal);

    public Task<HostileHost> InAsync(string environment) =>
        _hosts.GetOrAdd(environment, e => new Lazy<Task<HostileHost>>(() => HostileHost.StartAsync(e))).Value;

    public async ValueTask DisposeAsync()
    {
        // A host that failed to start has nothing to dispose.
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated && h.Value.IsCompletedSuccessfully))
        {
            await (await host.Value).DisposeAsync();
        }
    }
}
