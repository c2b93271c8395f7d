using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Auth;

public sealed class TokenEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_admin_gets_a_bearer_token_that_the_api_accepts(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = DirectiveFlowWebFactory.DemoPassword }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = body.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Contains("Administrator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Unit_head_token_carries_the_unit_and_the_head_role()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await app.CreateClientForAsync("00070-PARTY.head");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        var unit = await client.GetFromJsonAsync<JsonElement>($"/api/units/{me.GetProperty("unitId").GetGuid()}", Ct);

        Assert.Equal("00070-PARTY", unit.GetProperty("code").GetString());
        Assert.Equal(["UnitHead"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("vi", me.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", DirectiveFlowWebFactory.DemoPassword)]
    public async Task Bad_credentials_get_401_problem_details(string userName, string password)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sign-in-invalid", problem.GetProperty("code").GetString());
        Assert.Equal("Sai tên đăng nhập hoặc mật khẩu.", problem.GetProperty("title").GetString()); // Vietnamese unless English is asked for
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusal below is asserted in English
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/auth/token", new { username = "observer", password = "nope" }, Ct);
            Assert.True(failed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Locked);
        }

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "observer", password = DirectiveFlowWebFactory.DemoPassword }, Ct);

        Assert.Equal(HttpStatusCode.Locked, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sign-in-locked-out", problem.GetProperty("code").GetString());
        Assert.Contains("locked", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Too many failed sign-ins (5); try again in 15 minutes.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_username_is_a_400_validation_problem()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { password = "x" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["sign-in-credentials-required"], problem.GetProperty("codes").GetProperty("username").EnumerateArray().Select(c => c.GetString()));
    }
}
