using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Directives;

public sealed class DirectivesApiTests
{
    // These tests send no email; an outside SMTP host keeps the embedded catcher (one loopback port per process) out of them.
    internal static readonly Dictionary<string, string?> NoMailCatcher = new() { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = "9" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Issuer_issues_a_party_conclusion_and_reads_its_progress_tasks_and_journal(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var party = await UnitIdAsync(issuer, "01-PARTY");

        using var issued = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number = "Kết luận số 15-KL/TU", title = "Về giải quyết 5 điểm nghẽn", body = "Nội dung kết luận", priority = "Urgent",
            issuingUnitId = party, workflowDefinitionId = "party-conclusion", inputs = new { deadlineDays = 20 },
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var ids = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = ids.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, ids.GetProperty("instanceId").GetGuid());
        Assert.Equal($"/api/directives/{id}", issued.Headers.Location?.OriginalString);

        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        Assert.Equal("Kết luận số 15-KL/TU", detail.GetProperty("number").GetString());
        Assert.Equal(4, detail.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(4, detail.GetProperty("progress").GetProperty("openWithinDeadline").GetInt32());
        Assert.Equal(4, detail.GetProperty("byPillar").GetArrayLength());
        Assert.Equal(4, detail.GetProperty("cascade").GetProperty("written").GetInt32());

        var tasks = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/tasks?pillar=COMMITTEE", Ct);
        Assert.Equal(1, tasks.GetProperty("total").GetInt32());
        Assert.Equal("01-COMMITTEE", tasks.GetProperty("items")[0].GetProperty("unitCode").GetString());
        var journal = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/journal?pageSize=2", Ct);
        Assert.Equal(2, journal.GetProperty("pageSize").GetInt32());
        Assert.True(journal.GetProperty("total").GetInt32() >= 3);
        Assert.Equal("instance.started", journal.GetProperty("items")[0].GetProperty("action").GetString());
        var list = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives?issuingUnitId={party}&priority=Urgent", Ct);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_retried_issue_with_the_same_Idempotency_Key_issues_once_and_answers_the_first_directive(string provider)
    {
        // Regression: a client retrying after a timeout issued the directive twice, with two sets of tasks and emails.
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var party = await UnitIdAsync(issuer, "01-PARTY");
        async Task<HttpResponseMessage> SendAsync(string key, string title)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directives")
            {
                Content = JsonContent.Create(new
                {
                    number = "Kết luận số 21-KL/TU", title, issuingUnitId = party, workflowDefinitionId = "party-conclusion",
                    inputs = new { deadlineDays = 20 },
                }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await issuer.SendAsync(request, Ct);
        }

        using var first = await SendAsync("phien-1", "Về chuyển đổi số");
        using var retry = await SendAsync("phien-1", "Về chuyển đổi số");
        using var reused = await SendAsync("phien-1", "Về một việc khác");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("issue-key-reused", (await reused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        var list = await issuer.GetFromJsonAsync<JsonElement>("/api/directives?q=21-KL", Ct);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        Assert.Equal(4, detail.GetProperty("progress").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Issuing_is_refused_with_specific_errors_for_bad_input_and_403_for_other_units()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        using var ward = await app.CreateClientForAsync("00070-PARTY");
        var party = await UnitIdAsync(issuer, "01-PARTY");
        var council = await UnitIdAsync(issuer, "01-COUNCIL");

        using var unknownFlow = await issuer.PostAsJsonAsync("/api/directives",
            new { number = "1", title = "T", issuingUnitId = party, workflowDefinitionId = "no-such-flow" }, Ct);
        using var badPriority = await issuer.PostAsJsonAsync("/api/directives",
            new { number = "1", title = "T", priority = "Soon", issuingUnitId = party, workflowDefinitionId = "party-conclusion" }, Ct);
        using var otherUnit = await issuer.PostAsJsonAsync("/api/directives",
            new { number = "1", title = "T", issuingUnitId = council, workflowDefinitionId = "council-supervision" }, Ct);
        using var notIssuer = await ward.PostAsJsonAsync("/api/directives",
            new { number = "1", title = "T", issuingUnitId = await UnitIdAsync(issuer, "00070-PARTY"), workflowDefinitionId = "party-conclusion" }, Ct);
        using var missing = await issuer.GetAsync($"/api/directives/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknownFlow.StatusCode);
        Assert.True((await unknownFlow.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("workflowDefinitionId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notIssuer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Issues a directive as <paramref name="issuerCode"/> (the client's own unit), asserts 201 and answers its id.</summary>
    internal static async Task<Guid> IssueAsync(
        HttpClient issuer, string issuerCode, string flow, string number, string title, object inputs, string? documentType = null)
    {
        using var issued = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number, title, issuingUnitId = await UnitIdAsync(issuer, issuerCode), workflowDefinitionId = flow, inputs, documentType,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> UnitIdAsync(HttpClient client, string code)
    {
        var units = await client.GetFromJsonAsync<JsonElement>($"/api/units?q={code}&pageSize=50", Ct);
        foreach (var unit in units.GetProperty("items").EnumerateArray())
        {
            if (unit.GetProperty("code").GetString() == code)
            {
                return unit.GetProperty("id").GetGuid();
            }
        }

        throw new InvalidOperationException($"Unit {code} not listed by /api/units.");
    }
}
