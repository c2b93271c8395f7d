using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>Issue 17 through HTTP: an itemized conclusion issued with <c>inputs.items</c> and read back from <c>/items</c>.</summary>
public sealed class DirectiveItemsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issuer_issues_three_items_and_each_lead_reads_them_while_a_stranger_gets_404(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        using var hoanKiem = await app.CreateClientForAsync("00070-COMMITTEE");
        using var stranger = await app.CreateClientForAsync("00613-FRONT");

        var id = await DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "conclusion-items", "Thông báo kết luận số 120-TB/TU",
            "Về giải quyết các điểm nghẽn giao thông", new
            {
                items = new object[]
                {
                    new { content = "Hoàn thành phương án giải phóng mặt bằng.", leadUnit = "01-COMMITTEE-SXD", supportingUnits = new[] { "01-COMMITTEE-STC" }, deadline = "2030-06-28" },
                    new { number = "1.2", content = "Rà soát các điểm ùn tắc.", leadUnit = "00070-COMMITTEE", deadline = 20 },
                    new { content = "Báo cáo tiến độ hằng tháng.", leadUnit = "01-COMMITTEE-SXD", periodic = true, priority = "Urgent" },
                },
            }, "ConclusionNotice");

        var items = await ItemsAsync(hoanKiem, id);
        Assert.Equal(["1", "1.2", "3"], items.Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(["01-COMMITTEE-SXD", "00070-COMMITTEE", "01-COMMITTEE-SXD"], items.Select(i => i.GetProperty("lead").GetProperty("code").GetString()));
        Assert.Equal("Sở Tài chính Thành phố Hà Nội", items[0].GetProperty("supporting")[0].GetProperty("name").GetString());
        Assert.Equal("2030-06-28", items[0].GetProperty("deadlineDate").GetString());
        Assert.Equal(20, items[1].GetProperty("deadlineDays").GetInt32());
        Assert.Equal((true, "Urgent"), (items[2].GetProperty("periodic").GetBoolean(), items[2].GetProperty("priority").GetString()));
        // A ward sees its own item's task, not the others' (it read every item's status and progress before).
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Object, JsonValueKind.Null], items.Select(i => i.GetProperty("task").ValueKind));
        Assert.Equal([false, true, false], items.Select(i => i.GetProperty("taskShown").GetBoolean()));
        Assert.Equal(("Assigned", "OpenWithinDeadline"),
            (items[1].GetProperty("task").GetProperty("status").GetString(), items[1].GetProperty("task").GetProperty("category").GetString()));
        var issuers = await ItemsAsync(issuer, id);
        Assert.Equal(3, issuers.Count);
        Assert.All(issuers, i => Assert.Equal(("Assigned", "OpenWithinDeadline"),
            (i.GetProperty("task").GetProperty("status").GetString(), i.GetProperty("task").GetProperty("category").GetString())));

        // Each item's task is an ordinary task in its lead's inbox.
        var inbox = await hoanKiem.GetFromJsonAsync<JsonElement>("/api/tasks", Ct);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("title").GetString()!.StartsWith("Nhiệm vụ 1.2 ", StringComparison.Ordinal));

        using var hidden = await stranger.GetAsync($"/api/directives/{id}/items", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_bad_row_is_refused_with_its_field_path_and_words()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");

        using var refused = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number = "1", title = "T", issuingUnitId = await DirectivesApiTests.UnitIdAsync(issuer, "01-PARTY"), workflowDefinitionId = "conclusion-items",
            inputs = new { items = new object[] { new { content = "Làm ngay.", leadUnit = "01-COMMITTEE-SXD" }, new { content = "", leadUnit = "KHONG-CO" } } },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["inputs.items[1].content", "inputs.items[1].leadUnit"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Nhiệm vụ 2: không có đơn vị mã KHONG-CO.", errors.GetProperty("inputs.items[1].leadUnit")[0].GetString());
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/directives/{id}/items", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
    }
}
