using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Removing_a_day_asks_first_naming_the_day_and_the_open_tasks_due_on_it_and_only_the_confirmation_removes_it(string provider)
    {
        // Regression: one click removed the day and planned every open task's reminders again, without a word first.
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
        using (app.CreateClient())
        {
        }

        var day = new DateOnly(2027, 11, 22);
        await using (var db = app.Database.CreateContext())
        {
            db.CalendarDays.Add(new() { Date = day, Kind = CalendarDayKind.Holiday, Name = "Nghỉ đột xuất" });
            await db.SaveChangesAsync(Ct);
            var data = new UiTestData(db);
            var directive = await data.DirectiveAsync();
            await data.TaskAsync(directive, "00070-PARTY", "Đến hạn ngày 22/11", new DateTimeOffset(2027, 11, 22, 17, 0, 0, Vietnam));
            await data.TaskAsync(directive, "00004-PARTY", "Đã xong", new DateTimeOffset(2027, 11, 22, 9, 0, 0, Vietnam), UnitTaskStatus.Completed, UiTestData.Now);
        }

        using var admin = await UiBrowser.SignedInAsync(app, "admin");
        using var asked = await admin.PostFormAsync("/admin/calendar?year=2027", "calendar-remove", new() { ["Remove.Date"] = "2027-11-22" });
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Xóa ngày nghỉ 22/11/2027 (Nghỉ đột xuất)? Ngày này sẽ trở lại là ngày làm việc.", html, StringComparison.Ordinal);
        Assert.Contains("1 nhiệm vụ đang mở có hạn vào ngày này", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Remove.Confirm\" value=\"true\"", html, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.CalendarDays.AnyAsync(d => d.Date == day, Ct));
        }

        using var confirmed = await admin.PostFormAsync("/admin/calendar?year=2027", "calendar-remove",
            new() { ["Remove.Date"] = "2027-11-22", ["Remove.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Đã xóa ngày 22/11/2027.", await admin.PageAsync(confirmed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.CalendarDays.AnyAsync(d => d.Date == day, Ct));
    }
}
