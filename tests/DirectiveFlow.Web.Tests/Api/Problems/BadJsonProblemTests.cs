using System.Net;
using System.Text;
using DirectiveFlow.Web.Tests.Security.Hostile;

namespace DirectiveFlow.Web.Tests.Api.Problems;

/// <summary>
/// Issue 14 §3, JSON bodies: each of these was a 500 (in Development; several in Production too) and is now a 400
/// ProblemDetails naming the field and what was wrong, in Development and Production alike.
/// </summary>
public sealed class BadJsonProblemTests(HostileHostsFixture hosts) : IClassFixture<HostileHostsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Malformed_json_is_a_400_naming_where_it_breaks(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/directives", "{\"title\":"), HttpStatusCode.BadRequest, "title", "Malformed JSON at line 1");
        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/auth/token", "{\"username\" \"admin\"}", HostileHost.Anonymous), HttpStatusCode.BadRequest, "$", "Malformed JSON");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_empty_body_is_a_400_asking_for_a_json_object(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, $"/api/tasks/{host.TaskId}/progress", "", HostileHost.WardOfficer), HttpStatusCode.BadRequest, "$", "empty");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_array_where_an_object_is_expected_is_a_400_asking_for_an_object(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/units", "[]"), HttpStatusCode.BadRequest, "$", "JSON object");
        await ProblemAssert.NamesAsync(await PostAsync(host, $"/api/tasks/{host.TaskId}/cascade", "[1,2]", HostileHost.WardOfficer), HttpStatusCode.BadRequest, "$", "JSON object");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Bad_utf8_is_a_400_naming_the_field(string environment)
    {
        var host = await hosts.InAsync(environment);
        using var content = new ByteArrayContent([.. "{\"note\":\"ti\u1EBFn \u0111\u1ED9 "u8, 0xC3, 0x28, .. "\",\"percent\":50}"u8]);
        content.Headers.ContentType = new("application/json");

        using var response = await host.Callers[HostileHost.WardOfficer].PostAsync($"/api/tasks/{host.TaskId}/progress", content, Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, "note", "UTF-8");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_lone_surrogate_is_a_400_naming_the_field(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/directives", "{\"number\":\"1\",\"title\":\"\\uD800\"}"), HttpStatusCode.BadRequest, "title", "surrogate");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Nesting_deeper_than_64_is_a_400_saying_so(string environment)
    {
        var host = await hosts.InAsync(environment);
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

        using var response = await PostAsync(host, "/api/directives", "{\"number\":\"1\",\"inputs\":" + deep + "}");

        var problem = await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, FirstErrorKey(await PeekAsync(response)), "64");
        Assert.StartsWith("inputs", problem.GetProperty("errors").EnumerateObject().Single().Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_wrong_type_is_a_400_naming_the_field_and_the_type_expected(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, $"/api/tasks/{host.TaskId}/progress", "{\"note\":\"x\",\"percent\":\"half\"}", HostileHost.WardOfficer),
            HttpStatusCode.BadRequest, "percent", "whole number");
        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/calendar/2026", "{\"days\":{}}", method: HttpMethod.Put), HttpStatusCode.BadRequest, "days", "array");
        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/auth/token", "{\"username\":1,\"password\":\"x\"}", HostileHost.Anonymous),
            HttpStatusCode.BadRequest, "username", "string");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_non_guid_id_is_a_400_naming_the_field(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/directives", "{\"number\":\"1\",\"issuingUnitId\":\"xyz\"}"), HttpStatusCode.BadRequest, "issuingUnitId", "GUID");
        await ProblemAssert.NamesAsync(await PostAsync(host, $"/api/tasks/{host.TaskId}/cascade", "{\"unitIds\":[\"xyz\"]}", HostileHost.WardOfficer),
            HttpStatusCode.BadRequest, "unitIds[0]", "GUID");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_numeric_enum_is_a_400_naming_the_field(string environment)
    {
        var host = await hosts.InAsync(environment);

        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/directives", "{\"number\":\"1\",\"priority\":1}"), HttpStatusCode.BadRequest, "priority", "string");
        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/units", "{\"name\":\"Tổ dân phố 1\",\"kind\":1}"), HttpStatusCode.BadRequest, "kind", "ResidentialGroup");
        await ProblemAssert.NamesAsync(await PostAsync(host, "/api/calendar/2026", "{\"days\":[{\"date\":\"2026-09-02\",\"kind\":0,\"name\":\"Quốc khánh\"}]}", method: HttpMethod.Put),
            HttpStatusCode.BadRequest, "days[0].kind", "Holiday");
    }

    private static async Task<HttpResponseMessage> PostAsync(HostileHost host, string url, string json, string caller = HostileHost.Administrator, HttpMethod? method = null) =>
        await host.Callers[caller].SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Ct);

    private static async Task<string> PeekAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync(Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static string FirstErrorKey(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().First().Name;
}
