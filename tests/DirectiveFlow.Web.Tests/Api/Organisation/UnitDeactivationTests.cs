using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Api.Users;
using DirectiveFlow.Web.Tests.Components;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Organisation;

/// <summary>
/// Regression: a unit was deactivated with open tasks, active accounts and active sub-units; and the form of an account
/// of a deactivated unit pre-selected "no unit", so saving any edit silently took the person out of it.
/// </summary>
public sealed class UnitDeactivationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_still_in_use_is_not_deactivated_and_its_accounts_keep_it_in_their_form()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var admin = await world.ClientAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var ward = await world.UnitIdAsync("00070-COMMITTEE");
        using var created = await admin.PostAsJsonAsync("/api/units", new { parentId = ward, name = "Tổ dân phố số 99", kind = "ResidentialGroup" }, Ct);
        var group = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var groupId = group.GetProperty("id").GetGuid();
        var task = await world.AddTaskAsync(leadCode: group.GetProperty("code").GetString()!);
        var accounts = await world.WithDbAsync(db => db.Users.CountAsync(u => u.UnitId == groupId && u.IsActive, Ct));

        using (var parent = await admin.PutAsJsonAsync($"/api/units/{ward}", new { isActive = false }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, parent.StatusCode);
            Assert.Equal("unit-still-in-use", (await parent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }

        using (var busy = await admin.PutAsJsonAsync($"/api/units/{groupId}", new { isActive = false }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
            Assert.Contains($"1 open task(s), {accounts} active account(s) and 0 active sub-unit(s) remain",
                (await busy.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.True(await world.WithDbAsync(db => db.Units.Where(u => u.Id == groupId || u.Id == ward).AllAsync(u => u.IsActive, Ct)));

        // Once the task is closed and the accounts are off, it goes; an account left in it (as before this fix) keeps it.
        var userId = await world.WithDbAsync(async db =>
        {
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, UnitTaskStatus.Cancelled), Ct);
            await db.Users.Where(u => u.UnitId == groupId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct);
            return await db.Users.Where(u => u.UnitId == groupId).Select(u => u.Id).FirstAsync(Ct);
        });
        using (var unused = await admin.PutAsJsonAsync($"/api/units/{groupId}", new { isActive = false }, Ct))
        {
            Assert.True(unused.StatusCode == HttpStatusCode.OK, await unused.Content.ReadAsStringAsync(Ct));
        }

        // Its accounts stay off while it is: one reactivated would sign in to a unit nobody lists.
        using (var reactivated = await admin.PostAsync($"/api/users/{userId}/reactivate", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, reactivated.StatusCode);
            Assert.Equal("user-unit-inactive", (await reactivated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }

        Assert.False(await world.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync(Ct)));
        await world.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true), Ct));
        using var browser = await UiBrowser.SignedInAsync(world.App, "admin");
        var form = await browser.PageAsync($"/admin/users/{userId}");
        Assert.Contains($"<option value=\"{groupId}\" selected", form, StringComparison.Ordinal);
        Assert.Contains("Tổ dân phố số 99 (", form, StringComparison.Ordinal);
        Assert.Contains("(đơn vị đã ngừng hoạt động)", form, StringComparison.Ordinal);

        using var saved = await admin.PutAsJsonAsync($"/api/users/{userId}", UsersApiTests.Person("ignored", groupId, [Roles.UnitOfficer]), Ct);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(groupId, await world.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.UnitId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_unit_whose_given_tasks_are_still_open_is_not_deactivated()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var admin = await world.ClientAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var ward = await world.UnitIdAsync("00070-COMMITTEE");
        using var created = await admin.PostAsJsonAsync("/api/units", new { parentId = ward, name = "Tổ dân phố số 98", kind = "ResidentialGroup" }, Ct);
        var group = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var groupId = group.GetProperty("id").GetGuid();
        await world.WithDbAsync(db => db.Users.Where(u => u.UnitId == groupId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct));
        // A result waiting for the group's review: the group gave the task, the ward does it.
        await world.AddTaskAsync(leadCode: "00070-COMMITTEE", assignerCode: group.GetProperty("code").GetString()!, status: UnitTaskStatus.Reported, requiresReview: true);

        using var busy = await admin.PutAsJsonAsync($"/api/units/{groupId}", new { isActive = false }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("1 open task(s), 0 active account(s) and 0 active sub-unit(s) remain",
            (await busy.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
