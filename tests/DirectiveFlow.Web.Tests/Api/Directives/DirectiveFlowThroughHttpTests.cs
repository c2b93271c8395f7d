using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Directives;

public sealed class DirectiveFlowThroughHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Council_follow_up_runs_to_the_end_with_a_sub_cascade_that_blocks_completion_until_it_is_done(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, DirectivesApiTests.NoMailCatcher);
        using var council = await app.CreateClientForAsync("01-COUNCIL");
        using var committee = await app.CreateClientForAsync("01-COMMITTEE");
        using var issued = await council.PostAsJsonAsync("/api/directives", new
        {
            number = "Kết luận giám sát số 05/KL-HĐND", title = "Giám sát việc xử lý ngập úng", issuingUnitId = await DirectivesApiTests.UnitIdAsync(council, "01-COUNCIL"),
            workflowDefinitionId = "council-supervision", inputs = new { deadlineDays = 10 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var directiveId = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var respond = await SingleOpenTaskAsync(council, directiveId);

        using var sub = await committee.PostAsJsonAsync($"/api/tasks/{respond}/cascade", new
        {
            title = "Báo cáo giải trình phần việc của Sở", instructions = "Gửi UBND Thành phố", deadline = new { workingDays = 3 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, sub.StatusCode);
        var children = (await sub.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("taskIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(4, children.Count);
        using (var outsider = await app.CreateClientForAsync("01-FRONT"))
        {
            using var refused = await outsider.PostAsJsonAsync($"/api/tasks/{respond}/cascade", new { title = "x" }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        await PostOkAsync(committee, $"/api/tasks/{respond}/acknowledge", new { });
        using (var early = await committee.PostAsJsonAsync($"/api/tasks/{respond}/complete", new { result = "Đã giải trình" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        var childTasks = await council.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}/tasks?pageSize=50", Ct);
        foreach (var child in childTasks.GetProperty("items").EnumerateArray().Where(t => children.Contains(t.GetProperty("id").GetGuid())))
        {
            using var department = await app.CreateClientForAsync(child.GetProperty("unitCode").GetString()!);
            await CompleteAsync(department, child.GetProperty("id").GetGuid());
        }

        await PostOkAsync(committee, $"/api/tasks/{respond}/complete", new { result = "Đã giải trình đủ các kiến nghị" });
        await PostOkAsync(council, $"/api/tasks/{respond}/review", new { decision = "accept", comment = "Đạt" });
        var remedy = await SingleOpenTaskAsync(council, directiveId);
        Assert.NotEqual(respond, remedy);
        await CompleteAsync(committee, remedy);
        await PostOkAsync(council, $"/api/tasks/{remedy}/review", new { decision = "accept" });

        var detail = await council.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}", Ct);
        Assert.Equal("Completed", detail.GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("progress").GetProperty("completedOnTime").GetInt32());
    }

    private static async Task<Guid> SingleOpenTaskAsync(HttpClient client, Guid directiveId)
    {
        var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}/tasks?category=OpenWithinDeadline", Ct);
        var open = tasks.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("parentTaskId").ValueKind == JsonValueKind.Null).ToList();
        return Assert.Single(open).GetProperty("id").GetGuid();
    }

    private static async Task CompleteAsync(HttpClient client, Guid taskId)
    {
        await PostOkAsync(client, $"/api/tasks/{taskId}/acknowledge", new { });
        await PostOkAsync(client, $"/api/tasks/{taskId}/complete", new { result = "Đã hoàn thành" });
    }

    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
