using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Users;

/// <summary>
/// The demo app per database provider for the users API tests, with its sign-in limits raised (these tests sign in
/// many people one after another from one address) and each account's bearer token fetched once.
/// </summary>
public sealed class UsersApp : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DirectiveFlowWebFactory>>> _apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), string> _tokens = new();

    public Task<DirectiveFlowWebFactory> OnAsync(string provider) => _apps.GetOrAdd(provider, p => new(() =>
        DirectiveFlowWebFactory.CreateAsync(p, new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
            ["RateLimits:SignInPerAddress"] = "10000",
            ["RateLimits:SignInPerUserName"] = "1000",
        }))).Value;

    /// <summary>A client sending <paramref name="userName"/>'s bearer token (the demo password unless told otherwise).</summary>
    public async Task<HttpClient> ClientAsync(string provider, string userName, string password = DirectiveFlowWebFactory.DemoPassword)
    {
        var app = await OnAsync(provider);
        if (!_tokens.TryGetValue((provider, userName), out var token))
        {
            token = await app.GetTokenAsync(userName, password);
            _tokens[(provider, userName)] = token;
        }

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Answers <c>POST /api/auth/token</c> for these credentials as it comes (success or refusal).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string provider, string userName, string password)
    {
        using var client = (await OnAsync(provider)).CreateClient();
        return await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password }, TestContext.Current.CancellationToken);
    }

    /// <summary>The id of the account <paramref name="userName"/>, as an administrator finds it through the API.</summary>
    public async Task<string> IdOfAsync(string provider, string userName)
    {
        using var admin = await ClientAsync(provider, "admin");
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/users?q={Uri.EscapeDataString(userName)}", TestContext.Current.CancellationToken);
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
        {
            await (await app.Value).DisposeAsync();
        }
    }
}
