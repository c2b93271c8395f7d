using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Problems;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>Issue 14 §4: a task completes only along an outcome its step in the flow has.</summary>
public sealed class CompleteOutcomeTests(ProviderAppsFixture apps) : IClassFixture<ProviderAppsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completing_with_an_outcome_the_task_does_not_have_is_refused_and_the_task_stays_open(string provider)
    {
        var app = await apps.OnAsync(provider);
        using var committee = await app.CreateClientForAsync("01-COMMITTEE");
        using var council = await app.CreateClientForAsync("01-COUNCIL");
        var taskId = await IssueAsync(app, council);
        (await committee.PostAsJsonAsync($"/api/tasks/{taskId}/acknowledge", new { }, Ct)).EnsureSuccessStatusCode();

        using var bogus = await committee.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "Đã giải trình", outcome = "Bogus" }, Ct);
        await ProblemAssert.NamesAsync(bogus, HttpStatusCode.BadRequest, "outcome", "chọn một trong: Done"); // Vietnamese: no Accept-Language
        var task = await committee.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Ct);
        Assert.Equal("Acknowledged", task.GetProperty("status").GetString());

        using var done = await committee.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "Đã giải trình", outcome = "Done" }, Ct);
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The council's follow-up flow: its first task is the city committee's.</summary>
    private static async Task<Guid> IssueAsync(DirectiveFlowWebFactory app, HttpClient council)
    {
        var issuer = await app.UnitIdAsync("01-COUNCIL");
        using var issued = await council.PostAsJsonAsync("/api/directives", new
        {
            number = "Kết luận giám sát số 07/KL-HĐND", title = "Giám sát xử lý rác thải", issuingUnitId = issuer,
            workflowDefinitionId = "council-supervision", inputs = new { deadlineDays = 10 },
        }, Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Ct));
        var directiveId = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        return await app.QueryAsync(db => db.Tasks.Where(t => t.DirectiveId == directiveId).Select(t => t.Id).SingleAsync(Ct));
    }
}
