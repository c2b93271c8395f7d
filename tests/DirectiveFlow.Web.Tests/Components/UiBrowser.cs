using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>
/// Drives the server-rendered pages the way a browser does: cookies kept, redirects visible, forms posted with the
/// antiforgery token and the Blazor form name read from the page.
/// </summary>
public sealed partial class UiBrowser : IDisposable
{
    private readonly HttpClient _client;

    public UiBrowser(DirectiveFlowWebFactory app)
    {
        _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<UiBrowser> SignedInAsync(DirectiveFlowWebFactory app, string userName)
    {
        var browser = new UiBrowser(app);
        using var response = await browser.PostFormAsync("/login", "login", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DirectiveFlowWebFactory.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, Ct);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request, Ct);

    /// <summary>The HTML of a page that must answer 200.</summary>
    public async Task<string> PageAsync(string url)
    {
        using var response = await _client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    /// <summary>Loads <paramref name="url"/>, then posts the form named <paramref name="formName"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields, string? pageUrl = null)
    {
        var page = await PageAsync(pageUrl ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {url}");
        var body = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        using var content = new FormUrlEncodedContent(body);
        return await _client.PostAsync(url, content, Ct);
    }

    /// <summary>Posts a form with one file, as a browser does for <c>enctype="multipart/form-data"</c>.</summary>
    public Task<HttpResponseMessage> PostMultipartAsync(
        string url, string formName, Dictionary<string, string> fields, string fileField, string fileName, byte[] file) =>
        PostMultipartAsync(url, formName, fields, [(fileField, fileName, file)]);

    /// <summary>
    /// Posts a multipart form: <paramref name="fields"/> may repeat a name (ticked boxes), and each of
    /// <paramref name="files"/> is a part of its field (none: the form is posted with no file chosen).
    /// </summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(
        string url, string formName, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string Name, byte[] Bytes)> files)
    {
        var token = TokenPattern().Match(await PageAsync(url));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, name);
        }

        return await _client.PostAsync(url, content, Ct);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
