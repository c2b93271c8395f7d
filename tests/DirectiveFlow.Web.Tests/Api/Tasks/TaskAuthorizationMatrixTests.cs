using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>
/// Every task endpoint × every role, for the task's own units and for other units. The task is led by ward
/// 00070-COMMITTEE, assigned by the city's 01-COMMITTEE (an Issuer), supported by 00070-FRONT; each case gets a
/// fresh task in the state its endpoint needs, so a 2xx proves the right and a 403/404 proves the refusal.
/// </summary>
public sealed class TaskAuthorizationMatrixTests(TaskWorldFixture fixture) : IClassFixture<TaskWorldFixture>
{
    // Column order of the table below: who calls.
    private static readonly (string Actor, string? User)[] Actors =
    [
        ("UnitOfficer/own", "00070-COMMITTEE"),
        ("UnitHead/own", "00070-COMMITTEE.head"),
        ("Issuer/own (assigner)", "01-COMMITTEE"),
        ("Administrator", "admin"),
        ("Observer", "observer"),
        ("UnitOfficer/other", "00613-COMMITTEE"),
        ("UnitHead/other", "00613-COMMITTEE.head"),
        ("Issuer/other", "01-PARTY"),
        ("UnitOfficer/supporting", "00070-FRONT"),
        ("Anonymous", null),
    ];

    // The matrix. Reading: 404 where the caller may not know the task exists, 403 where it may read but not act.
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        //                                 officer head issuer admin observer | officer head issuer (other) | supporting anonymous
        ["GET task"] = [200, 200, 200, 200, 200, 404, 404, 404, 200, 401],
        ["GET journal"] = [200, 200, 200, 200, 200, 404, 404, 404, 200, 401],
        ["GET attachment"] = [200, 200, 200, 200, 200, 404, 404, 404, 200, 401],
        ["POST acknowledge"] = [200, 200, 403, 403, 403, 404, 404, 404, 403, 401],
        ["POST progress"] = [200, 200, 403, 403, 403, 404, 404, 404, 403, 401],
        ["POST complete"] = [200, 200, 403, 403, 403, 404, 404, 404, 403, 401],
        ["POST attachments"] = [201, 201, 403, 403, 403, 404, 404, 404, 403, 401],
        ["POST extension-requests"] = [200, 200, 403, 403, 403, 404, 404, 404, 403, 401],
        ["POST contributions"] = [403, 403, 403, 403, 403, 404, 404, 404, 200, 401],
        ["POST decision"] = [403, 403, 200, 200, 403, 404, 404, 404, 403, 401],
        ["POST review"] = [403, 403, 200, 200, 403, 404, 404, 404, 403, 401],
        ["POST cancel"] = [403, 403, 403, 200, 403, 404, 404, 404, 403, 401],
    };

    // Lists answer 200 to everyone signed in; what differs is whether this task is in them.
    private static readonly Dictionary<string, bool[]> Listed = new()
    {
        ["/api/tasks"] = [true, true, false, true, true, false, false, false, false],
        ["/api/tasks?scope=assigned"] = [false, false, true, true, true, false, false, false, false],
        ["/api/tasks?scope=supporting"] = [false, false, false, true, true, false, false, false, true],
        ["/api/reviews"] = [false, false, true, true, true, false, false, false, false],
        ["/api/extension-requests?status=Requested"] = [false, false, true, true, true, false, false, false, false],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, codes) in Expected)
        {
            for (var i = 0; i < Actors.Length; i++)
            {
                data.Add(endpoint, Actors[i].Actor, codes[i]);
            }
        }

        return data;
    }

    public static TheoryData<string, string, bool> ListCases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (url, listed) in Listed)
        {
            for (var i = 0; i < listed.Length; i++)
            {
                data.Add(url, Actors[i].Actor, listed[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_each_role_as_the_matrix_says(string endpoint, string actor, int expected)
    {
        var world = fixture.World;
        var state = endpoint switch
        {
            "POST acknowledge" or "POST contributions" => UnitTaskStatus.Assigned,
            "POST progress" => UnitTaskStatus.Acknowledged,
            "POST review" => UnitTaskStatus.Reported,
            _ => UnitTaskStatus.InProgress,
        };
        var task = await world.AddTaskAsync(status: state, requiresReview: true, supportingCodes: ["00070-FRONT"]);
        var extraId = await ArrangeAsync(endpoint, task);
        var stampBefore = await StampAsync(task.Id);
        using var client = await ClientForAsync(actor);

        using var response = await CallAsync(client, endpoint, task.Id, extraId);

        await HttpAssert.StatusAsync(response, (HttpStatusCode)expected);
        if (expected >= 400)
        {
            Assert.Equal(stampBefore, await StampAsync(task.Id));
        }
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public async Task Each_list_shows_the_task_only_to_those_the_matrix_says(string url, string actor, bool listed)
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.Reported, requiresReview: true, supportingCodes: ["00070-FRONT"]);
        await AddOpenExtensionRequestAsync(task);
        using var client = await ClientForAsync(actor);

        // The shared world accumulates tasks; one page of 500 holds them all.
        using var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=500", Ct);

        var body = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        var ids = url.StartsWith("/api/extension-requests", StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Deserialize<PagedResult<ExtensionRequestItemDto>>(body, TaskApiWorld.Json)!.Items.Select(r => r.TaskId)
            : System.Text.Json.JsonSerializer.Deserialize<PagedResult<TaskListItemDto>>(body, TaskApiWorld.Json)!.Items.Select(t => t.Id);
        Assert.Equal(listed, ids.Contains(task.Id));
    }

    private async Task<HttpClient> ClientForAsync(string actor)
    {
        var user = Actors.Single(a => a.Actor == actor).User;
        if (user is null)
        {
            return fixture.World.App.CreateClient();
        }

        // A fresh client sharing the cached login's token, so disposing it here leaves the cached one intact.
        var token = (await fixture.World.ClientAsync(user)).DefaultRequestHeaders.Authorization!;
        var client = fixture.World.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Parameter);
        return client;
    }

    private async Task<Guid?> ArrangeAsync(string endpoint, UnitTask task)
    {
        switch (endpoint)
        {
            case "POST decision":
                return await AddOpenExtensionRequestAsync(task);
            case "GET attachment":
                var officer = await fixture.World.ClientAsync("00070-COMMITTEE");
                using (var upload = await officer.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form("bao-cao.pdf", AttachmentFiles.Pdf), Ct))
                {
                    var body = await HttpAssert.StatusAsync(upload, HttpStatusCode.Created);
                    return System.Text.Json.JsonSerializer.Deserialize<AttachmentDto>(body, TaskApiWorld.Json)!.Id;
                }

            default:
                return null;
        }
    }

    private Task<Guid> AddOpenExtensionRequestAsync(UnitTask task) => fixture.World.WithDbAsync(async db =>
    {
        var request = new ExtensionRequest
        {
            Id = Guid.NewGuid(),
            TaskId = task.Id,
            AdditionalWorkingDays = 2,
            RequestedDueAt = fixture.World.Calendar.AddWorkingDays(task.DueAt, 2),
            PreviousDueAt = task.DueAt,
            Reason = "Cần thêm thời gian",
            RequestedAt = task.CreatedAt,
            RequestedBy = "00070-COMMITTEE",
        };
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    });

    private Task<int> StampAsync(Guid id) =>
        fixture.World.WithDbAsync(db => db.Tasks.Where(t => t.Id == id).Select(t => t.ConcurrencyStamp).SingleAsync(Ct));

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint, Guid id, Guid? extra) => endpoint switch
    {
        "GET task" => client.GetAsync($"/api/tasks/{id}", Ct),
        "GET journal" => client.GetAsync($"/api/tasks/{id}/journal", Ct),
        "GET attachment" => client.GetAsync($"/api/tasks/{id}/attachments/{extra}", Ct),
        "POST acknowledge" => client.PostJsonAsync($"/api/tasks/{id}/acknowledge"),
        "POST progress" => client.PostJsonAsync($"/api/tasks/{id}/progress", new { note = "Tiến độ", percent = 10 }),
        "POST complete" => client.PostJsonAsync($"/api/tasks/{id}/complete", new { result = "Kết quả" }),
        "POST attachments" => client.PostAsync($"/api/tasks/{id}/attachments", AttachmentFiles.Form("ket-qua.pdf", AttachmentFiles.Pdf), Ct),
        "POST extension-requests" => client.PostJsonAsync($"/api/tasks/{id}/extension-requests", new { additionalWorkingDays = 2, reason = "Lý do" }),
        "POST contributions" => client.PostJsonAsync($"/api/tasks/{id}/contributions", new { note = "Đã phối hợp" }),
        "POST decision" => client.PostJsonAsync($"/api/tasks/{id}/extension-requests/{extra}/decision", new { approve = true }),
        "POST review" => client.PostJsonAsync($"/api/tasks/{id}/review", new { decision = "accept" }),
        "POST cancel" => client.PostJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Giao nhầm" }),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
