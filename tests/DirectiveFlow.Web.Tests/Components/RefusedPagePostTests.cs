using System.Net;
using System.Net.Http.Headers;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>
/// A form refused before its page runs: a page opened before a sign-out and a new sign-in (its antiforgery token no
/// longer valid) showed the framework's English line "A valid antiforgery token was not provided…", and a form with
/// files over the upload limit showed a problem-details document. A browser now gets a page in its language, with a
/// link that opens the form again; the API and scripted callers keep their problem details.
/// </summary>
public sealed class RefusedPagePostTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_form_with_a_stale_token_gets_a_vietnamese_page_that_leads_back_to_the_form()
    {
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        using var request = Post("/directives/new?flow=party-conclusion", new FormUrlEncodedContent(
            [new("_handler", "issue"), new("__RequestVerificationToken", "CfDJ8-stale"), new("Input.Title", "Về việc A")]));

        using var response = await issuer.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<html lang=\"vi\">", body, StringComparison.Ordinal);
        Assert.Contains("<h1>Biểu mẫu đã hết hiệu lực</h1>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/directives/new?flow=party-conclusion\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_refusal_reads_in_english_for_a_reader_who_chose_it()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        await officer.GetAsync("/culture/en?returnUrl=%2F");
        using var request = Post("/inbox", new FormUrlEncodedContent([new("_handler", "x"), new("__RequestVerificationToken", "stale")]));

        using var response = await officer.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>This form has expired</h1>", body, StringComparison.Ordinal);
        Assert.Contains("Open the page again", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_over_the_upload_limit_gets_a_page_naming_the_limit()
    {
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        content.Headers.ContentLength = 70_000_000;
        using var request = Post("/directives/new", content);

        using var response = await issuer.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<h1>Nội dung gửi lên quá lớn</h1>", body, StringComparison.Ordinal);
        Assert.Contains("64 MB", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/directives/new\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_that_does_not_ask_for_html_keeps_the_problem_details()
    {
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        content.Headers.ContentLength = 70_000_000;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/directives/new") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        using var response = await issuer.SendAsync(request);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    private static HttpRequestMessage Post(string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return request;
    }
}
