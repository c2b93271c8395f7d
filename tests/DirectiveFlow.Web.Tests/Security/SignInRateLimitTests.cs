using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Sign-in and token issue are rate-limited per client address and per user name (ASP.NET Core's limiter).</summary>
public sealed class SignInRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<DirectiveFlowWebFactory> AppAsync(int perName, int perAddress) =>
        DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerUserName"] = perName.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:WindowSeconds"] = "300",
        });

    [Theory]
    [InlineData("admin")]
    [InlineData("khong-co-tai-khoan-nay")]
    public async Task Token_requests_beyond_the_per_name_limit_get_429_problem_details_with_retry_after(string userName)
    {
        await using var app = await AppAsync(perName: 3, perAddress: 100);
        using var client = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "sai-mat-khau" }, Ct);
            answers.Add(attempt.StatusCode);
        }

        using var throttled = await client.PostAsJsonAsync("/api/auth/token", new { USERNAME = userName.ToUpperInvariant(), password = "sai-mat-khau" }, Ct);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names the seconds to wait");

        // Another name from the same address still gets an answer on its merits.
        using var other = await client.PostAsJsonAsync("/api/auth/token", new { username = "observer", password = DirectiveFlowWebFactory.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_beyond_the_per_address_limit_get_429_whatever_the_names_and_wherever_they_are_posted()
    {
        await using var app = await AppAsync(perName: 100, perAddress: 4);
        using var client = SecurityHosts.Browser(app);

        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "ten-1", password = "x" }, Ct);
        using var form = await AccountForms.LoginAsync(client, "ten-2", "x");
        using var page = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "ten-3", ["Input.Password"] = "x", ["_handler"] = "login",
            ["__RequestVerificationToken"] = await AccountForms.TokenFromAsync(client, "/login"),
        }), Ct);
        using var fourth = await client.PostAsJsonAsync("/api/auth/token", new { username = "ten-4", password = "x" }, Ct);
        using var fifth = await AccountForms.LoginAsync(client, "ten-5", "x");

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            new[] { token, form, page, fourth, fifth }.Select(r => r.StatusCode));
        Assert.NotNull(fifth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login", Ct)).StatusCode);
    }
}
