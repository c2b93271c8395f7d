using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>The task API on the real engine: a shipped flow issued through the directives API, worked through to its summary.</summary>
public sealed class TaskEngineIntegrationTests
{
    private const string Issuer = "01-COMMITTEE";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PagedResult<TaskListItemDto>> ListAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<PagedResult<TaskListItemDto>>(url, TaskApiWorld.Json, Ct))!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Wards_work_an_issued_committee_directive_through_review_and_the_flow_reaches_the_summary(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, TaskApiWorld.QuietSettings());
        using var issuer = await app.CreateClientForAsync(Issuer);
        var cityUnit = (await ListAsync(issuer, "/api/tasks?scope=assigned")).Total;
        Assert.Equal(0, cityUnit);
        var me = await issuer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me", Ct);
        var issuingUnitId = me.GetProperty("unitId").GetGuid();

        using var issued = await issuer.PostJsonAsync("/api/directives", new
        {
            number = "Chỉ thị số 07/CT-UBND",
            title = "Tăng cường chỉnh trang đô thị",
            body = "Các phường triển khai và báo cáo.",
            issuingUnitId,
            workflowDefinitionId = "committee-directive",
            inputs = new { deadlineDays = 5 },
        });
        await HttpAssert.StatusAsync(issued, HttpStatusCode.Created);

        var assigned = await ListAsync(issuer, "/api/tasks?scope=assigned");
        Assert.Equal(4, assigned.Total);
        Assert.All(assigned.Items, t => Assert.EndsWith("-COMMITTEE", t.UnitCode, StringComparison.Ordinal));

        foreach (var row in assigned.Items)
        {
            using var ward = await app.CreateClientForAsync(row.UnitCode);
            var inbox = await ListAsync(ward, "/api/tasks");
            Assert.Equal(row.Id, Assert.Single(inbox.Items).Id);
            await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{row.Id}/acknowledge"));
            var reported = await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{row.Id}/complete", new { result = "Đã ra quân chỉnh trang tại " + row.UnitName }));
            Assert.Equal("Reported", reported.Status);
        }

        var queue = await ListAsync(issuer, "/api/reviews");
        Assert.Equal(4, queue.Total);
        var first = queue.Items[0];
        await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{first.Id}/review", new { decision = "return", comment = "Thiếu hình ảnh" }));
        using (var ward = await app.CreateClientForAsync(first.UnitCode))
        {
            await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{first.Id}/complete", new { result = "Đã bổ sung hình ảnh" }));
        }

        foreach (var row in queue.Items)
        {
            var accepted = await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{row.Id}/review", new { decision = "accept" }));
            Assert.Equal("Completed", accepted.Status);
            Assert.Equal("CompletedOnTime", accepted.Category);
        }

        // All four branches joined: the engine wrote the summary task for the lead unit (the issuer's own unit).
        var summary = Assert.Single((await ListAsync(issuer, "/api/tasks")).Items);
        Assert.StartsWith("Tổng hợp kết quả thực hiện Chỉ thị số 07/CT-UBND", summary.Title, StringComparison.Ordinal);
        Assert.Equal("Assigned", summary.Status);
        Assert.Equal(0, (await ListAsync(issuer, "/api/reviews")).Total);
    }
}
