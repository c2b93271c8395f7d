using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using DirectiveFlow.Web.Tests.Api.Users;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>
/// An observer of a provincial unit reads her province's tasks, as her directive views show her province's directives:
/// a Đà Nẵng observer read every Hà Nội task (its page, journal, lists, review and extension queues, its unit's people)
/// while Hà Nội's directive itself answered her 404.
/// </summary>
public sealed class ProvinceObserverApiTests
{
    private const string Password = "Quansat@2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_provincial_observer_reads_her_provinces_tasks_and_none_of_another_province(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var admin = await world.ClientAsync("admin");
        using (var csv = new StringContent("province_code,province_name,code,name,type\n48,Thành phố Đà Nẵng,20194,Hải Châu,phuong\n",
            System.Text.Encoding.UTF8, "text/csv"))
        using (var imported = await admin.PostAsync("/api/org/localities/import", csv, Ct))
        {
            await HttpAssert.StatusAsync(imported, HttpStatusCode.OK);
        }

        var hanoi = await world.AddTaskAsync(status: UnitTaskStatus.Reported, requiresReview: true);
        var danang = await AddDanangTaskAsync(world);
        foreach (var task in new[] { hanoi, danang })
        {
            await AddOpenExtensionRequestAsync(world, task);
        }

        await UsersApiTests.CreatedIdAsync(admin, UsersApiTests.Person(
            "quansat.dn", await world.UnitIdAsync("48-COMMITTEE"), ["Observer"], password: Password));
        using var observer = world.App.CreateClient();
        observer.DefaultRequestHeaders.Authorization = new("Bearer", await world.App.GetTokenAsync("quansat.dn", Password));

        foreach (var view in new[] { $"/api/tasks/{hanoi.Id}", $"/api/tasks/{hanoi.Id}/journal", $"/api/units/{await world.UnitIdAsync("00070-COMMITTEE")}/officers" })
        {
            using var refused = await observer.GetAsync(view, Ct);
            await HttpAssert.StatusAsync(refused, HttpStatusCode.NotFound);
        }

        foreach (var view in new[] { $"/api/tasks/{danang.Id}", $"/api/tasks/{danang.Id}/journal", $"/api/units/{await world.UnitIdAsync("20194-COMMITTEE")}/officers" })
        {
            using var read = await observer.GetAsync(view, Ct);
            await HttpAssert.StatusAsync(read, HttpStatusCode.OK);
        }

        foreach (var list in new[] { "/api/tasks", "/api/tasks?scope=assigned", "/api/reviews", "/api/extension-requests?status=Requested" })
        {
            var listed = await ListedAsync(observer, list);
            Assert.True(listed.Contains(danang.Id) && !listed.Contains(hanoi.Id), $"{list}: {listed.Count} listed");
        }

        Assert.Empty(await ListedAsync(observer, $"/api/tasks?directiveId={hanoi.DirectiveId}"));
        using var review = await observer.PostAsync($"/api/tasks/{hanoi.Id}/review", JsonContent.Create(new { decision = "accept" }), Ct);
        await HttpAssert.StatusAsync(review, HttpStatusCode.NotFound);

        // The observer of the whole country still reads both.
        var national = await world.ClientAsync("observer");
        Assert.True((await ListedAsync(national, "/api/tasks")).IsSupersetOf([hanoi.Id, danang.Id]));
        using var nationalRead = await national.GetAsync($"/api/tasks/{hanoi.Id}", Ct);
        await HttpAssert.StatusAsync(nationalRead, HttpStatusCode.OK);
    }

    private static async Task<HashSet<Guid>> ListedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=500", Ct);
        var body = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        return url.StartsWith("/api/extension-requests", StringComparison.Ordinal)
            ? [.. JsonSerializer.Deserialize<PagedResult<ExtensionRequestItemDto>>(body, TaskApiWorld.Json)!.Items.Select(r => r.TaskId)]
            : [.. JsonSerializer.Deserialize<PagedResult<TaskListItemDto>>(body, TaskApiWorld.Json)!.Items.Select(t => t.Id)];
    }

    /// <summary>A Reported task of a directive Đà Nẵng's committee issued, led by its ward Hải Châu.</summary>
    private static async Task<UnitTask> AddDanangTaskAsync(TaskApiWorld world)
    {
        var city = await world.UnitIdAsync("48-COMMITTEE");
        var ward = await world.UnitIdAsync("20194-COMMITTEE");
        return await world.WithDbAsync(async db =>
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(city, "Chỉ thị số 03/CT-UBND", "Chỉnh trang đô thị ven sông Hàn");
            var now = TimeProvider.System.GetUtcNow();
            return await data.AddTaskAsync(directive, ward, city, now, world.Calendar.AddWorkingDays(now, 5), UnitTaskStatus.Reported, true,
                [], "Chỉnh trang vỉa hè phường Hải Châu", null);
        });
    }

    private static Task<Guid> AddOpenExtensionRequestAsync(TaskApiWorld world, UnitTask task) => world.WithDbAsync(async db =>
    {
        var request = new ExtensionRequest
        {
            Id = Guid.NewGuid(), TaskId = task.Id, AdditionalWorkingDays = 2, RequestedDueAt = world.Calendar.AddWorkingDays(task.DueAt, 2),
            PreviousDueAt = task.DueAt, Reason = "Cần thêm thời gian", RequestedAt = task.CreatedAt, RequestedBy = "lead",
        };
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    });
}
