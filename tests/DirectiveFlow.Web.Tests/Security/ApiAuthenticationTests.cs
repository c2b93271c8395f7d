using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DirectiveFlow.Web.Tests.Security;

public sealed class ApiAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_api_call_gets_401_problem_details_not_a_login_redirect()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/units", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_bearer_token_gets_401_problem_details()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        using var response = await client.GetAsync("/api/units", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unit_officer_calling_an_administrator_endpoint_gets_403_problem_details()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await app.CreateClientForAsync("00070-PARTY");

        using var response = await client.PostAsync("/api/org/localities/import", new StringContent("code,name,type\n", System.Text.Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cookie_login_form_signs_in_and_the_api_accepts_the_cookie()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "01-COMMITTEE", ["password"] = DirectiveFlowWebFactory.DemoPassword, ["returnUrl"] = "/inbox",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "01-COMMITTEE", ["password"] = DirectiveFlowWebFactory.DemoPassword, ["returnUrl"] = "/inbox",
            ["__RequestVerificationToken"] = await AccountForms.TokenFromAsync(client, "/login"),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/inbox", login.Headers.Location?.OriginalString);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal("01-COMMITTEE", me.GetProperty("userName").GetString());
        Assert.Contains("Issuer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // Another site's form cannot sign the user out: without the token the session stays.
        using var forgedLogout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forgedLogout.StatusCode);
        var refusal = await forgedLogout.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("sign-out-antiforgery", refusal.GetProperty("code").GetString());
        Assert.Equal("sign-out-button", refusal.GetProperty("codes").GetProperty("__RequestVerificationToken")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", Ct)).StatusCode);
        using var getLogout = await client.GetAsync("/account/logout", Ct);
        Assert.NotEqual(HttpStatusCode.Redirect, getLogout.StatusCode);

        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AccountForms.TokenFromAsync(client, "/inbox"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await client.GetAsync("/api/auth/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_on_the_login_form_returns_to_the_login_page_with_an_error()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = "wrong", ["returnUrl"] = "//evil.example",
            ["__RequestVerificationToken"] = await AccountForms.TokenFromAsync(client, "/login"),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/login?error=invalid&returnUrl=%2F", login.Headers.Location?.OriginalString);
    }
}
