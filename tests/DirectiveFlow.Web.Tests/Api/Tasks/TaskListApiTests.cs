using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

public sealed class TaskListApiTests
{
    private const string Ward = "00619-COMMITTEE";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PagedResult<TaskListItemDto>> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/tasks" + query, Ct);
        var body = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        return System.Text.Json.JsonSerializer.Deserialize<PagedResult<TaskListItemDto>>(body, TaskApiWorld.Json)!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Category_filters_select_by_dates_and_state_in_the_database(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var now = TimeProvider.System.GetUtcNow();
        var inFive = world.Calendar.AddWorkingDays(now, 5);
        var onTime = await world.AddTaskAsync(Ward, status: UnitTaskStatus.Completed, dueAt: inFive, configure: t => t.CompletedAt = now.AddHours(-1));
        var late = await world.AddTaskAsync(Ward, status: UnitTaskStatus.Completed, dueAt: now.AddDays(-3), configure: t => t.CompletedAt = now.AddDays(-1));
        var within = await world.AddTaskAsync(Ward, status: UnitTaskStatus.InProgress, dueAt: inFive);
        var soon = await world.AddTaskAsync(Ward, status: UnitTaskStatus.Acknowledged, dueAt: world.Calendar.AddWorkingDays(now, 1));
        var overdue = await world.AddTaskAsync(Ward, status: UnitTaskStatus.InProgress, dueAt: now.AddHours(-1));
        await world.AddTaskAsync(Ward, status: UnitTaskStatus.Cancelled, dueAt: inFive);
        var client = await world.ClientAsync(Ward);

        async Task<Guid[]> Ids(string category) => (await ListAsync(client, "?category=" + category)).Items.Select(i => i.Id).Order().ToArray();

        Assert.Equal(new[] { onTime.Id }, await Ids("CompletedOnTime"));
        Assert.Equal(new[] { late.Id }, await Ids("CompletedLate"));
        Assert.Equal(new[] { within.Id, soon.Id }.Order(), await Ids("OpenWithinDeadline"));
        Assert.Equal(new[] { soon.Id }, await Ids("DueSoon"));
        Assert.Equal(new[] { overdue.Id }, await Ids("OpenOverdue"));
        var all = await ListAsync(client, "");
        Assert.Equal(6, all.Total);
        Assert.Equal(all.Items.OrderBy(i => i.DueAt).Select(i => i.Id), all.Items.Select(i => i.Id));
        var soonRow = all.Items.Single(i => i.Id == soon.Id);
        Assert.True(soonRow.DueSoon);
        Assert.Equal(1, soonRow.WorkingDaysLeft);
        Assert.Null(all.Items.Single(i => i.Status == "Cancelled").Category);

        // The counters: one aggregate query, agreeing with the lists above (cancelled counts in the total only).
        using var countsResponse = await client.GetAsync("/api/tasks/counts", Ct);
        var counts = System.Text.Json.JsonSerializer.Deserialize<TaskCounts>(await HttpAssert.StatusAsync(countsResponse, HttpStatusCode.OK), TaskApiWorld.Json)!;
        Assert.Equal(new TaskCounts(6, 1, 1, 2, 1, 1, NotAcknowledged: 0), counts);
        using var narrowed = await client.GetAsync($"/api/tasks/counts?directiveId={Guid.NewGuid()}", Ct);
        Assert.Equal(TaskCounts.None, System.Text.Json.JsonSerializer.Deserialize<TaskCounts>(await HttpAssert.StatusAsync(narrowed, HttpStatusCode.OK), TaskApiWorld.Json));
    }

    [Fact]
    public async Task Filters_and_paging_narrow_the_inbox()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var now = TimeProvider.System.GetUtcNow();
        var dues = Enumerable.Range(1, 5).Select(d => world.Calendar.AddWorkingDays(now, d)).ToArray();
        var tasks = new List<UnitTask>();
        foreach (var due in dues)
        {
            tasks.Add(await world.AddTaskAsync(Ward, status: UnitTaskStatus.InProgress, dueAt: due));
        }

        await world.AddTaskAsync(Ward, status: UnitTaskStatus.Assigned, dueAt: dues[4]);
        var client = await world.ClientAsync(Ward);

        var page2 = await ListAsync(client, "?status=InProgress&pageSize=2&page=2");
        Assert.Equal((5, 2, 2), (page2.Total, page2.Page, page2.PageSize));
        Assert.Equal(tasks.Skip(2).Take(2).Select(t => t.Id), page2.Items.Select(i => i.Id));
        // The last, partly filled page and a page past the end still report the whole total.
        var page3 = await ListAsync(client, "?status=InProgress&pageSize=2&page=3");
        Assert.Equal((5, 1), (page3.Total, page3.Items.Count));
        var page9 = await ListAsync(client, "?status=InProgress&pageSize=2&page=9");
        Assert.Equal((5, 0), (page9.Total, page9.Items.Count));
        var whole = await ListAsync(client, "?pageSize=50");
        Assert.Equal((6, 6), (whole.Total, whole.Items.Count));

        var window = await ListAsync(client, $"?status=InProgress&dueAfter={Uri.EscapeDataString(dues[1].ToString("O"))}&dueBefore={Uri.EscapeDataString(dues[2].ToString("O"))}");
        Assert.Equal(tasks.Skip(1).Take(2).Select(t => t.Id), window.Items.Select(i => i.Id));

        var none = await ListAsync(client, $"?directiveId={Guid.NewGuid()}");
        Assert.Equal(0, none.Total);
        Assert.Equal(6, (await ListAsync(client, $"?directiveId={tasks[0].DirectiveId}")).Total);
    }

    [Fact]
    public async Task A_head_sees_the_tasks_of_its_sub_units_and_an_officer_only_its_own()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var department = await world.AddTaskAsync("01-COMMITTEE-SXD", assignerCode: "01-COMMITTEE");
        var own = await world.AddTaskAsync("01-COMMITTEE", assignerCode: "01-PARTY");
        var head = await world.ClientAsync("01-COMMITTEE.head");
        var officer = await world.ClientAsync("01-COMMITTEE");

        Assert.Equal(new[] { department.Id, own.Id }.Order(), (await ListAsync(head, "")).Items.Select(i => i.Id).Order());
        Assert.Equal([department.Id], (await ListAsync(head, $"?unitId={await world.UnitIdAsync("01-COMMITTEE-SXD")}")).Items.Select(i => i.Id));
        Assert.Equal([own.Id], (await ListAsync(officer, "")).Items.Select(i => i.Id));
        // The head reads the department's task but acts only for its own unit.
        Assert.Empty((await world.GetTaskAsync("01-COMMITTEE.head", department.Id)).AllowedActions);

        using var refused = await officer.GetAsync($"/api/tasks?unitId={await world.UnitIdAsync("00070-COMMITTEE")}", Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_task_page_shows_names_supporting_units_and_a_missing_daily_report()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var task = await world.AddTaskAsync(supportingCodes: ["00070-FRONT"], status: UnitTaskStatus.InProgress,
            title: "<script>alert(1)</script>", configure: t =>
            {
                t.ProgressCadence = ProgressCadence.Daily;
                t.CreatedAt = TimeProvider.System.GetUtcNow().AddDays(-7);
            });
        var supporting = await world.ClientAsync("00070-FRONT");
        await HttpAssert.OkTaskAsync(await supporting.PostJsonAsync($"/api/tasks/{task.Id}/contributions", new { note = "Mặt trận đã vận động nhân dân" }));

        var detail = await world.GetTaskAsync("00070-COMMITTEE", task.Id);

        Assert.Equal("<script>alert(1)</script>", detail.Title);
        Assert.Equal("Kết luận số 15-KL/TU", detail.DirectiveNumber);
        Assert.Equal("00070-COMMITTEE", detail.UnitCode);
        Assert.Equal("01-COMMITTEE", detail.AssignerUnitCode);
        Assert.True(detail.MissingReport);
        var s = Assert.Single(detail.SupportingUnits);
        Assert.Equal(("00070-FRONT", "Mặt trận đã vận động nhân dân"), (s.UnitCode, s.Contribution));
        // Who wrote it reads as a person (here the unit's own account: its unit), not as an account name.
        Assert.Equal(s.UnitName, s.ContributedByName);
        Assert.Equal(["progress", "complete", "requestExtension"], detail.AllowedActions);
        Assert.Equal(["contribute"], (await world.GetTaskAsync("00070-FRONT", task.Id)).AllowedActions);
        var raw = await (await world.ClientAsync("00070-COMMITTEE")).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/tasks/{task.Id}", Ct);
        foreach (var field in new[] { "id", "directiveId", "title", "unitId", "unitCode", "unitName", "status", "category", "dueAt", "originalDueAt", "completedAt", "allowedActions" })
        {
            Assert.True(raw.TryGetProperty(field, out _), field);
        }
    }
}
