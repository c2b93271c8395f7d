using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Reports;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>
/// The directive as a document (issue 13 part 1): issue date, signer, summary and overall deadline are accepted, returned
/// and filter the list; each bad part is refused with its code; no task is due after the directive's deadline.
/// </summary>
public sealed class DirectiveDocumentApiTests
{
    /// <summary>Monday 2 March 2026, 09:00 in Hà Nội (no holiday that week).</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Wednesday 4 March 2026 at 17:00 in Hà Nội: the overall deadline "2026-03-04" means.</summary>
    private static readonly DateTimeOffset DeadlineAt = new(2026, 3, 4, 17, 0, 0, TimeSpan.FromHours(7));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_document_is_returned_filters_the_list_and_caps_every_task_deadline(string provider)
    {
        await using var app = await ReportsApiWorld.CreateAppAsync(new FakeTimeProvider(Now), provider);
        using var issuer = await app.CreateClientForAsync("01-PARTY");

        // deadlineDays 1 ends before the deadline; the action plan's fixed 5 working days would end on 9 March: capped.
        using var issued = await IssueAsync(issuer, new
        {
            issuedOn = "2026-02-27", signer = new { name = "Nguyễn Văn A", position = "Bí thư Thành ủy" },
            summary = "Về đẩy nhanh tiến độ Vành đai 4", deadline = "2026-03-04", inputs = new { deadlineDays = 1 },
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        Assert.Equal("2026-02-27", detail.GetProperty("issuedOn").GetString());
        Assert.Equal("Nguyễn Văn A", detail.GetProperty("signer").GetProperty("name").GetString());
        Assert.Equal("Bí thư Thành ủy", detail.GetProperty("signer").GetProperty("position").GetString());
        Assert.Equal("Về đẩy nhanh tiến độ Vành đai 4", detail.GetProperty("summary").GetString());
        Assert.Equal(DeadlineAt, detail.GetProperty("deadline").GetDateTimeOffset());

        var tasks = (await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/tasks?pageSize=100", Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.True(t.GetProperty("dueAt").GetDateTimeOffset() <= DeadlineAt, t.GetProperty("dueAt").GetString()));
        Assert.Contains(tasks, t => t.GetProperty("dueAt").GetDateTimeOffset() == DeadlineAt);

        var inRange = await issuer.GetFromJsonAsync<JsonElement>("/api/directives?issuedFrom=2026-02-27&issuedTo=2026-02-28", Ct);
        var item = Assert.Single(inRange.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("2026-02-27", item.GetProperty("issuedOn").GetString());
        Assert.Equal(DeadlineAt, item.GetProperty("deadline").GetDateTimeOffset());
        var outOfRange = await issuer.GetFromJsonAsync<JsonElement>("/api/directives?issuedFrom=2026-02-28", Ct);
        Assert.Equal(0, outOfRange.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_bad_part_of_the_document_is_refused_with_its_code_and_nothing_is_issued(string provider)
    {
        await using var app = await ReportsApiWorld.CreateAppAsync(new FakeTimeProvider(Now), provider);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        issuer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        var cases = new (object Body, string Field, string Code, string[] Mentions)[]
        {
            (new { issuedOn = "2026-03-03", inputs = new { deadlineDays = 1 } }, "issuedOn", "issued-in-future", ["03/03/2026", "02/03/2026"]),
            (new { issuedOn = "27/02/2026", inputs = new { deadlineDays = 1 } }, "issuedOn", "date-format", ["27/02/2026"]),
            (new { signer = new { position = "Bí thư" }, inputs = new { deadlineDays = 1 } }, "signer.name", "signer-name-required", []),
            (new { signer = new { name = new string('A', 201) }, inputs = new { deadlineDays = 1 } }, "signer.name", "too-long", []),
            (new { issuedOn = "2026-02-27", deadline = "2026-02-26", inputs = new { deadlineDays = 1 } }, "deadline", "directive-deadline-before-issue", ["26/02/2026", "27/02/2026"]),
            (new { deadline = "2026-03-01", inputs = new { deadlineDays = 1 } }, "deadline", "directive-deadline-passed", ["01/03/2026"]),
            (new { deadline = "2026-03-04", inputs = new { deadlineDays = 10 } }, "inputs.deadlineDays", "task-deadline-after-directive", ["16/03/2026", "04/03/2026"]),
        };
        foreach (var (body, field, code, mentions) in cases)
        {
            using var refused = await IssueAsync(issuer, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
            Assert.All(mentions, date => Assert.Contains(date, message, StringComparison.Ordinal));
        }

        var list = await issuer.GetFromJsonAsync<JsonElement>("/api/directives", Ct);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_returns_every_document_field_and_filters_by_document_type(string provider)
    {
        await using var app = await ReportsApiWorld.CreateAppAsync(new FakeTimeProvider(Now), provider);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        using var conclusion = await IssueAsync(issuer, new
        {
            documentType = "Conclusion", issuedOn = "2026-02-27", signer = new { name = "Nguyễn Văn A", position = "Bí thư Thành ủy" },
            summary = "Về đẩy nhanh tiến độ Vành đai 4", inputs = new { deadlineDays = 1 },
        });
        Assert.Equal(HttpStatusCode.Created, conclusion.StatusCode);
        using var plan = await IssueAsync(issuer, new { documentType = "Plan", inputs = new { deadlineDays = 1 } });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);

        var conclusions = await issuer.GetFromJsonAsync<JsonElement>("/api/directives?documentType=conclusion", Ct);
        var item = Assert.Single(conclusions.GetProperty("items").EnumerateArray());
        Assert.Equal(("Conclusion", "Kết luận số 20-KL/TU", "2026-02-27"),
            (item.GetProperty("documentType").GetString(), item.GetProperty("number").GetString(), item.GetProperty("issuedOn").GetString()));
        Assert.Equal("Bí thư Thành ủy", item.GetProperty("signer").GetProperty("position").GetString());
        Assert.Equal("Về đẩy nhanh tiến độ Vành đai 4", item.GetProperty("summary").GetString());
        Assert.Equal(2, (await issuer.GetFromJsonAsync<JsonElement>("/api/directives", Ct)).GetProperty("total").GetInt32());
        using var unknown = await issuer.GetAsync("/api/directives?documentType=Memo", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    /// <summary>POSTs a party conclusion from 01-PARTY with number and title, plus the parts in <paramref name="document"/>.</summary>
    private static async Task<HttpResponseMessage> IssueAsync(HttpClient issuer, object document)
    {
        var body = JsonSerializer.SerializeToNode(document)!.AsObject();
        body["number"] = "Kết luận số 20-KL/TU";
        body["title"] = "Về dự án Vành đai 4";
        body["issuingUnitId"] = (await DirectivesApiTests.UnitIdAsync(issuer, "01-PARTY")).ToString();
        body["workflowDefinitionId"] = "party-conclusion";
        return await issuer.PostAsJsonAsync("/api/directives", body, Ct);
    }
}
