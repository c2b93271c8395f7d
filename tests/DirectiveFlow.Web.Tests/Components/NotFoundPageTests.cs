using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>Regression (issue 13, part 6): an unknown address showed a problem-details JSON document in the browser.</summary>
public sealed class NotFoundPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_asking_for_an_unknown_page_gets_the_styled_not_found_page_with_404()
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (status, type, body) = await GetAsync(client, "/khong-co-trang-nay", BrowserAccept);

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (status, type));
        Assert.Contains("<h1>Không tìm thấy</h1>", body, StringComparison.Ordinal);
        Assert.Contains("css/site", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":404", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_browser_gets_the_page_in_its_language_inside_the_layout()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        await officer.GetAsync("/culture/en?returnUrl=%2F");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tasks/" + Guid.NewGuid() + "/khong-co");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await officer.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"inbox\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/khong-co", BrowserAccept)]
    [InlineData("/api/khong-co/x", "text/html")]
    [InlineData("/khong-co-trang-nay", "application/json")]
    public async Task The_api_and_clients_that_do_not_ask_for_html_keep_problem_details(string url, string accept)
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (status, type, body) = await GetAsync(client, url, accept);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, type));
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Body)> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
    }
}
