using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Web.Tests.Infrastructure;
using DirectiveFlow.Web.Tests.Security.Hostile;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Problems;

/// <summary>
/// Issue 14 §3, the rest: query strings, the deadline overflow, multipart file names, an HTML-only Accept header,
/// forms without their antiforgery token, unparsable page query values, charsets and body sizes — each a 4xx
/// ProblemDetails naming the field, in Development and Production alike.
/// </summary>
public sealed class BadRequestProblemTests(HostileHostsFixture hosts) : IClassFixture<HostileHostsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development", "/api/tasks?Page=99999999999", "page")]
    [InlineData("Development", "/api/tasks?PageSize=abc", "pageSize")]
    [InlineData("Development", "/api/tasks?DueBefore=x", "dueBefore")]
    [InlineData("Development", "/api/units?parentId=xyz", "parentId")]
    [InlineData("Development", "/api/directives?issuingUnitId=xyz", "issuingUnitId")]
    [InlineData("Production", "/api/tasks?Page=99999999999", "page")]
    [InlineData("Production", "/api/tasks?PageSize=abc", "pageSize")]
    [InlineData("Production", "/api/tasks?DueBefore=x", "dueBefore")]
    [InlineData("Production", "/api/units?parentId=xyz", "parentId")]
    [InlineData("Production", "/api/directives?issuingUnitId=xyz", "issuingUnitId")]
    public async Task A_query_value_that_does_not_parse_is_a_400_naming_the_parameter(string environment, string url, string field)
    {
        var host = await hosts.InAsync(environment);

        using var response = await host.Callers[HostileHost.Administrator].GetAsync(url, Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, field, "not valid");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_page_query_value_that_does_not_parse_is_a_400_naming_it(string environment)
    {
        var host = await hosts.InAsync(environment);

        using var response = await host.Callers[HostileHost.Administrator].GetAsync("/inbox?page=99999999999", Ct);

        // A page answers in the reader's chosen language (Vietnamese here), whatever Accept-Language says.
        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "page", "một số nguyên");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Deadline_days_of_a_billion_is_a_400_naming_the_input_and_nothing_is_issued(string environment)
    {
        var host = await hosts.InAsync(environment);
        var before = await DirectiveCountAsync(host);

        using var response = await host.Callers[HostileHost.Administrator].PostAsJsonAsync("/api/directives", new
        {
            number = "02/KH-UBND", title = "Hạn một tỷ ngày", issuingUnitId = host.IssuerId, workflowDefinitionId = "committee-directive",
            inputs = new { deadlineDays = 1_000_000_000 },
        }, Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "inputs.deadlineDays", "from 0 to 2600");
        Assert.Equal(before, await DirectiveCountAsync(host));
    }

    [Theory]
    [InlineData("Development", "report\r\nX-Injected: 1.pdf")]
    [InlineData("Development", "report\".pdf")]
    [InlineData("Production", "report\r\nX-Injected: 1.pdf")]
    [InlineData("Production", "report\".pdf")]
    public async Task A_multipart_file_name_with_crlf_or_a_quote_is_a_400_naming_the_file(string environment, string fileName)
    {
        var host = await hosts.InAsync(environment);

        using var response = await host.Callers[HostileHost.WardOfficer].PostAsync($"/api/tasks/{host.TaskId}/attachments", HostileCorpus.Multipart(fileName), Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "file", "multipart");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Anonymous_api_call_accepting_only_html_gets_a_401_problem(string environment)
    {
        var host = await hosts.InAsync(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await host.Callers[HostileHost.Anonymous].SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Authentication required.", body, StringComparison.Ordinal); // the hostile callers ask for English
        Assert.Contains("\"code\":\"auth-required\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Login_form_without_its_antiforgery_token_is_a_400_problem_naming_the_token(string environment)
    {
        var host = await hosts.InAsync(environment);

        using var response = await host.Callers[HostileHost.Anonymous].PostAsync("/account/login",
            new FormUrlEncodedContent([new("username", "admin"), new("password", "x"), new("returnUrl", "/inbox")]), Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "__RequestVerificationToken", "tải lại trang");
    }

    [Fact]
    public async Task Demo_clock_form_without_its_antiforgery_token_is_a_400_problem_naming_the_token()
    {
        var host = await hosts.InAsync("Development");

        using var response = await host.Callers[HostileHost.Administrator].PostAsync("/dev/clock", new FormUrlEncodedContent([new("advance", "P1D")]), Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "__RequestVerificationToken", "tải lại trang");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_unknown_charset_is_a_415_problem_naming_the_content_type(string environment)
    {
        var host = await hosts.InAsync(environment);
        using var content = new ByteArrayContent("{\"username\":\"a\",\"password\":\"b\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=klingon");

        using var response = await host.Callers[HostileHost.Anonymous].PostAsync("/api/auth/token", content, Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type", "UTF-8");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_body_over_the_request_limit_is_a_413_problem(string environment)
    {
        var host = await hosts.InAsync(environment);

        using var response = await host.Callers[HostileHost.WardOfficer].PostAsJsonAsync($"/api/tasks/{host.TaskId}/progress",
            new { note = new string('a', 2 * 1024 * 1024), percent = 10 }, Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.RequestEntityTooLarge, "$", "1 MB");
    }

    private static Task<int> DirectiveCountAsync(HostileHost host) => host.App.QueryAsync(db => db.Directives.CountAsync(Ct));
}
