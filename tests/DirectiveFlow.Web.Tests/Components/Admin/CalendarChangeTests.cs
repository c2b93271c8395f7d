using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>
/// A calendar edit and the open tasks: it left deadlines on a new day off unannounced and the reminders planned on the
/// old calendar. Now the tasks due on the day are counted (page, API, the directive's journal) and the open tasks go
/// back to the sweep; no deadline moves.
/// </summary>
public sealed class CalendarChangeTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_day_off_counts_and_journals_the_open_tasks_due_on_it_and_hands_open_tasks_back_to_the_sweep(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
        using (app.CreateClient())
        {
        }

        var dueOn22 = new DateTimeOffset(2027, 11, 22, 17, 0, 0, Vietnam);
        var planned = new DateTimeOffset(2027, 12, 1, 8, 0, 0, Vietnam);
        Guid directiveId, openId, laterId;
        await using (var db = app.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var directive = await data.DirectiveAsync();
            directiveId = directive.Id;
            openId = (await data.TaskAsync(directive, "00070-PARTY", "Đến hạn ngày 22/11", dueOn22)).Id;
            await data.TaskAsync(directive, "00004-PARTY", "Đã xong", dueOn22, UnitTaskStatus.Completed, UiTestData.Now);
            laterId = (await data.TaskAsync(directive, "00613-PARTY", "Đến hạn ngày 23/11", dueOn22.AddDays(1))).Id;
            await db.Tasks.Where(t => t.Id == laterId).ExecuteUpdateAsync(s => s.SetProperty(t => t.NextActionAt, planned), Ct);
        }

        using var admin = await UiBrowser.SignedInAsync(app, "admin");
        using var added = await admin.PostFormAsync("/admin/calendar?year=2027", "calendar-add",
            new() { ["Add.Date"] = "22/11/2027", ["Add.Kind"] = "Holiday", ["Add.Name"] = "Nghỉ đột xuất" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.PageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("1 nhiệm vụ đang mở có hạn vào ngày 22/11/2027, nay là ngày nghỉ.", page, StringComparison.Ordinal);
        Assert.Contains("Nhắc việc và nhắc quá hạn của ", page, StringComparison.Ordinal);
        Assert.Contains("1 nhiệm vụ đến hạn ngày 22/11/2027", await admin.PageAsync("/admin/journal"), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            var entry = await db.Journal.SingleAsync(j => j.Action == "calendar.day-off", Ct);
            Assert.Equal((directiveId, "1 tasks due 2027-11-22", "admin"), (entry.DirectiveId, entry.Detail, entry.Actor));
            Assert.Equal(dueOn22, (await db.Tasks.SingleAsync(t => t.Id == openId, Ct)).DueAt); // not moved
            Assert.True((await db.Tasks.SingleAsync(t => t.Id == laterId, Ct)).NextActionAt <= UiTestData.Now); // swept again
        }

        // The API: the 22nd becomes a working day again and the 23rd a day off.
        using var api = await app.CreateClientForAsync("admin");
        var year = await api.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct);
        var days = year.GetProperty("days").EnumerateArray()
            .Select(d => new { date = d.GetProperty("date").GetString(), kind = d.GetProperty("kind").GetString(), name = d.GetProperty("name").GetString() })
            .Where(d => d.date != "2027-11-22")
            .Append(new { date = (string?)"2027-11-23", kind = (string?)"Holiday", name = (string?)"Nghỉ đột xuất" })
            .ToList();
        using var put = await api.PutAsJsonAsync("/api/calendar/2027", new { days }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var change = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var due = Assert.Single(change.GetProperty("dueOnNewDaysOff").EnumerateArray());
        Assert.Equal(("2027-11-23", 1), (due.GetProperty("date").GetString(), due.GetProperty("openTasks").GetInt32()));
        Assert.Equal(1, change.GetProperty("tasksDueOnNewDaysOff").GetInt32());
    }
}
