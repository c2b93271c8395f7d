using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using DirectiveFlow.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>Issue 13, part 4, through the API: the people of a unit, giving a task to one, and the inbox of tasks given to me.</summary>
public sealed class TaskAssignmentApiTests
{
    private const string Ward = "00070-COMMITTEE";
    private const string Head = Ward + ".head";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a named officer of <paramref name="unitCode"/> the way user management does: through Identity's user manager.</summary>
    public static async Task<Guid> AddOfficerAsync(TaskApiWorld world, string unitCode, string userName, string fullName, string position)
    {
        var unitId = await world.UnitIdAsync(unitCode);
        var id = Guid.Empty;
        await Accounts.ChangeAsync(world.App, null, async users =>
        {
            var user = new AppUser
            {
                UserName = userName, FullName = fullName, Position = position, UnitId = unitId, Email = userName + "@hoankiem.hanoi.gov.vn",
                EmailConfirmed = true,
            };
            Assert.True((await users.CreateAsync(user, DirectiveFlowWebFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.UnitOfficer)).Succeeded);
            id = user.Id;
        });
        return id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_head_assigns_a_task_to_an_officer_who_finds_it_under_assigned_to_me(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync();
        var minh = await AddOfficerAsync(world, Ward, "minh.tv", "Trần Văn Minh", "Chuyên viên");
        var head = await world.ClientAsync(Head);

        var people = await head.GetFromJsonAsync<List<AssigneeDto>>($"/api/units/{await world.UnitIdAsync(Ward)}/officers", TaskApiWorld.Json, Ct);
        Assert.Contains(people!, p => p.Id == minh && p.FullName == "Trần Văn Minh" && p.Position == "Chuyên viên");

        var assigned = await HttpAssert.OkTaskAsync(await head.PostJsonAsync($"/api/tasks/{task.Id}/assign", new { userId = minh }));
        Assert.Equal(new AssigneeDto(minh, "Trần Văn Minh", "Chuyên viên"), assigned.AssignedTo);

        var officer = await world.ClientAsync("minh.tv");
        var mine = await officer.GetFromJsonAsync<PagedResult<TaskListItemDto>>("/api/tasks?assignedTo=me", TaskApiWorld.Json, Ct);
        Assert.Equal("Trần Văn Minh", Assert.Single(mine!.Items).AssignedTo?.FullName);
        var headsOwn = await head.GetFromJsonAsync<PagedResult<TaskListItemDto>>("/api/tasks?assignedTo=me", TaskApiWorld.Json, Ct);
        Assert.Empty(headsOwn!.Items);

        // The history names the person who acted: a unit's own account reads as its unit.
        var journal = await officer.GetFromJsonAsync<PagedResult<JournalEntryDto>>($"/api/tasks/{task.Id}/journal", TaskApiWorld.Json, Ct);
        var line = Assert.Single(journal!.Items, j => j.Action == "task.officer.assigned");
        Assert.Equal("Trần Văn Minh (Chuyên viên)", line.Detail);
        var wardName = await world.WithDbAsync(db => db.Units.Where(u => u.Code == Ward).Select(u => u.Name).SingleAsync(Ct));
        Assert.Equal(wardName, line.ActorName);

        var progressed = await HttpAssert.OkTaskAsync(await officer.PostJsonAsync($"/api/tasks/{task.Id}/acknowledge"));
        Assert.Equal("Acknowledged", progressed.Status);
        progressed = await HttpAssert.OkTaskAsync(await officer.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "Đã rà soát 40% hồ sơ", percent = 40 }));
        Assert.Equal($"Trần Văn Minh (Chuyên viên) – {wardName}", Assert.Single(progressed.ProgressReports).ReportedByName);

        var back = await HttpAssert.OkTaskAsync(await head.PostJsonAsync($"/api/tasks/{task.Id}/assign", new { userId = (Guid?)null }));
        Assert.Null(back.AssignedTo);
    }

    /// <summary>
    /// Regression: a deactivated or moved officer stayed named on her open tasks, which nobody could then act on under
    /// her name and the unit's head saw as handled.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_deactivated_or_moved_officer_is_taken_off_her_open_tasks_of_the_unit_she_left(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var minh = await AddOfficerAsync(world, Ward, "minh.tv", "Trần Văn Minh", "Chuyên viên");
        var lan = await AddOfficerAsync(world, Ward, "lan.nt", "Nguyễn Thị Lan", "Chuyên viên");
        var minhs = await world.AddTaskAsync(configure: t => t.AssignedUserId = minh);
        var minhsDone = await world.AddTaskAsync(status: Core.Tasks.UnitTaskStatus.Completed, configure: t => t.AssignedUserId = minh);
        var lans = await world.AddTaskAsync(configure: t => t.AssignedUserId = lan);
        var admin = await world.ClientAsync("admin");

        using (var deactivated = await admin.PostAsync($"/api/users/{minh}/deactivate", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        }

        using (var moved = await admin.PutAsJsonAsync($"/api/users/{lan}",
            Users.UsersApiTests.Person("lan.nt", await world.UnitIdAsync("00004-COMMITTEE"), [Roles.UnitOfficer]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var assignees = await world.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.Id == minhs.Id || t.Id == minhsDone.Id || t.Id == lans.Id)
            .ToDictionaryAsync(t => t.Id, t => t.AssignedUserId, Ct));
        Assert.Null(assignees[minhs.Id]);
        Assert.Null(assignees[lans.Id]);
        Assert.Equal(minh, assignees[minhsDone.Id]); // a closed task keeps who did it
        var head = await world.ClientAsync(Head);
        var journal = await head.GetFromJsonAsync<PagedResult<JournalEntryDto>>($"/api/tasks/{minhs.Id}/journal", TaskApiWorld.Json, Ct);
        Assert.Equal("admin", Assert.Single(journal!.Items, j => j.Action == "task.officer.unassigned").Actor);
        Assert.Null((await world.GetTaskAsync(Head, lans.Id)).AssignedTo);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Assigning_outside_the_unit_or_by_the_assigner_is_refused_and_a_bad_filter_is_a_400(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync();
        var stranger = await AddOfficerAsync(world, "00004-COMMITTEE", "tu.pq", "Phạm Quang Tú", "Chuyên viên");
        var head = await world.ClientAsync(Head);

        var other = await HttpAssert.ProblemAsync(await head.PostJsonAsync($"/api/tasks/{task.Id}/assign", new { userId = stranger }), HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("userId", out _), other.ToString());

        var issuer = await world.ClientAsync("01-COMMITTEE");
        var forbidden = await HttpAssert.ProblemAsync(await issuer.PostJsonAsync($"/api/tasks/{task.Id}/assign", new { userId = stranger }), HttpStatusCode.Forbidden);
        Assert.Equal("only-unit-assigns", forbidden.GetProperty("code").GetString());

        var badFilter = await HttpAssert.ProblemAsync(await head.GetAsync("/api/tasks?assignedTo=someone", Ct), HttpStatusCode.BadRequest);
        Assert.True(badFilter.GetProperty("errors").TryGetProperty("assignedTo", out _), badFilter.ToString());

        var hidden = await HttpAssert.ProblemAsync(await (await world.ClientAsync("00613-COMMITTEE")).GetAsync($"/api/units/{await world.UnitIdAsync(Ward)}/officers", Ct),
            HttpStatusCode.NotFound);
        Assert.Equal("unit-not-found", hidden.GetProperty("code").GetString());
        Assert.Null((await world.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct))).AssignedUserId);
    }
}
