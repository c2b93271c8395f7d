using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>The sign-in and sign-out forms posted as a browser posts them: with the antiforgery token of the page.</summary>
public static partial class AccountForms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The antiforgery token of a page (the client keeps its cookie).</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page, Ct);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary><c>POST /account/login</c>; the answer is a redirect (to the return URL, or back to /login with an error).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(
        HttpClient client, string userName, string password = DirectiveFlowWebFactory.DemoPassword, string returnUrl = "/inbox")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = await TokenFromAsync(client, "/login"),
        });
        return await client.PostAsync("/account/login", form, Ct);
    }

    /// <summary>Signs in and fails the test unless the form sent the client on to the return URL.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password = DirectiveFlowWebFactory.DemoPassword)
    {
        using var response = await LoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inbox", response.Headers.Location?.OriginalString);
    }

    public static async Task<HttpResponseMessage> LogoutAsync(HttpClient client)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenFromAsync(client, "/inbox"),
        });
        return await client.PostAsync("/account/logout", form, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
