using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Journal;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>The admin screens (issue 13, part 5): both languages, administrators only, and their forms.</summary>
public sealed partial class AdminPagesTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    private static readonly string[] Screens = ["/admin", "/admin/units", "/admin/calendar?year=2027", "/admin/outbox?tab=deadLetter", "/admin/journal"];

    // Words of the English catalogue or of enum names that must never reach a Vietnamese admin screen.
    private static readonly string[] EnglishWords =
    [
        "Administration", "Users", "Units", "Unit", "Calendar", "Outbox", "Journal", "Pending", "Failed", "DeadLetter", "Held", "Digested",
        "Holiday", "MakeUpWorkingDay", "Retry", "Edit", "Save", "Search", "Department", "PillarUnit", "Party", "Committee", "Council",
        "Front", "Attempts", "Subject", "Recipient", "Created", "None", "system", "Mon", "Sun", "Month", "Weekend", "Head", "Contact",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_admin_screen_speaks_Vietnamese_without_a_key_or_an_English_word()
    {
        var deadId = await DeadLetterAsync("Hộp thư người nhận không tồn tại");
        await JournalEntryAsync();
        using var admin = await UiBrowser.SignedInAsync(fixture.App, "admin");
        var expected = new Dictionary<string, string[]>
        {
            ["/admin"] = ["Quản trị hệ thống", "href=\"admin/users\"", "href=\"admin/units\"", "href=\"admin/journal\""],
            ["/admin/units"] = ["Cơ quan cấp tỉnh, thành phố", "Đảng ủy phường Hoàn Kiếm", "Lãnh đạo Đảng ủy phường Hoàn Kiếm", "Thêm đơn vị trực thuộc"],
            ["/admin/calendar?year=2027"] = ["Lịch làm việc năm 2027", "Tết Nguyên đán: nghỉ từ 05/02/2027 đến 11/02/2027.", "Tết Nguyên đán (29 Tết)", "Tháng 12", "cal--tet"],
            ["/admin/outbox?tab=deadLetter"] = ["Không gửi được", "Hộp thư người nhận không tồn tại", "name=\"Retry.Id\" value=\"" + deadId + "\""],
            ["/admin/journal"] = ["Hoàn thành nhiệm vụ", "Đảng ủy phường Hoàn Kiếm", "Kết luận số 15-KL/TU"],
        };

        foreach (var url in Screens)
        {
            var html = await admin.PageAsync(url);
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
            foreach (var text in expected[url])
            {
                Assert.True(html.Contains(text, StringComparison.Ordinal), $"{url} lacks \"{text}\"");
            }

            var main = MainText(html);
            Assert.False(KeyPattern().IsMatch(main), $"{url} shows a resource key: {KeyPattern().Match(main).Value}");
            Assert.DoesNotMatch(RawIsoDate(), main);
            foreach (var word in EnglishWords)
            {
                Assert.False(Regex.IsMatch(main, $@"(?<![\w@.-]){word}(?![\w@.-])"), $"{url} shows the English word \"{word}\"");
            }
        }

        Assert.Contains("href=\"admin\"", await admin.PageAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_admin_screen_reads_in_English_when_chosen()
    {
        using var admin = await UiBrowser.SignedInAsync(fixture.App, "admin");
        using (await admin.GetAsync("/culture/en?returnUrl=%2Fadmin")) { }
        var expected = new[] { "Administration", "Province-level bodies", "Working-day calendar 2027", "Undeliverable", "Activity journal" };

        foreach (var (url, text) in Screens.Zip(expected))
        {
            var html = await admin.PageAsync(url);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.True(html.Contains(text, StringComparison.Ordinal), $"{url} lacks \"{text}\"");
            Assert.False(KeyPattern().IsMatch(MainText(html)), $"{url} shows a resource key");
            Assert.DoesNotContain("Quản trị hệ thống", html, StringComparison.Ordinal);
        }
    }

    /// <summary>Regression: 31/12/9999 (no next day to end on) crashed the journal search with a 500.</summary>
    [Fact]
    public async Task A_journal_day_outside_the_years_2000_to_9998_is_shown_as_a_field_error()
    {
        using var admin = await UiBrowser.SignedInAsync(fixture.App, "admin");

        var html = await admin.PageAsync("/admin/journal?from=01/01/0001&to=31/12/9999");

        Assert.Equal(2, Regex.Count(html, "<span class=\"field-error\" role=\"alert\">Ngày giờ không hợp lệ.</span>"));
        Assert.DoesNotContain("field-error", await admin.PageAsync("/admin/journal?from=01/01/2000&to=31/12/9998"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_are_refused_every_admin_screen_and_see_no_admin_menu()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY.head");
        using var anonymous = new UiBrowser(fixture.App);

        foreach (var url in Screens)
        {
            using var refused = await officer.GetAsync(url);
            using var toLogin = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
            Assert.StartsWith("/login", toLogin.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"admin\"", await officer.PageAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_edits_a_contact_email_adds_a_holiday_and_retries_a_dead_letter_from_the_screens()
    {
        var deadId = await DeadLetterAsync("Máy chủ thư từ chối");
        Guid unitId;
        await using (var db = fixture.App.Database.CreateContext())
        {
            unitId = await db.Units.Where(u => u.Code == "00004-COMMITTEE").Select(u => u.Id).SingleAsync(Ct);
        }

        using var admin = await UiBrowser.SignedInAsync(fixture.App, "admin");
        var editUrl = $"/admin/units?province=01&edit={unitId}";
        using var edited = await admin.PostFormAsync(editUrl, "unit-edit", new() { ["Input.ContactEmails"] = "vanphong@badinh.hanoi.gov.vn" });
        using var refused = await admin.PostFormAsync(editUrl, "unit-edit", new() { ["Input.ContactEmails"] = "sai địa chỉ" });
        using var added = await admin.PostFormAsync("/admin/calendar?year=2027", "calendar-add",
            new() { ["Add.Date"] = "2027-11-22", ["Add.Kind"] = "Holiday", ["Add.Name"] = "Nghỉ thử nghiệm" });
        using var retried = await admin.PostFormAsync("/admin/outbox?tab=deadLetter", "outbox-retry", new() { ["Retry.Id"] = deadId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("done=saved", edited.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Đã lưu đơn vị", await admin.PageAsync(edited.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Contains("Không phải địa chỉ email: sai địa chỉ.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Đã thêm ngày 22/11/2027.", await admin.PageAsync(added.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await using var check = fixture.App.Database.CreateContext();
        Assert.Equal("vanphong@badinh.hanoi.gov.vn", await check.Units.Where(u => u.Id == unitId).Select(u => u.ContactEmails).SingleAsync(Ct));
        Assert.True(await check.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2027, 11, 22) && d.Kind == CalendarDayKind.Holiday, Ct));
        Assert.Equal(OutboxStatus.Pending, await check.Outbox.Where(m => m.Id == deadId).Select(m => m.Status).SingleAsync(Ct));
    }

    private async Task<long> DeadLetterAsync(string error)
    {
        await using var db = fixture.App.Database.CreateContext();
        var message = new OutboxMessage
        {
            DedupeKey = "admin-test:" + Guid.NewGuid(), To = "nguoinhan@example.vn", Subject = "Nhiệm vụ mới: kế hoạch của phường",
            HtmlBody = "", TextBody = "t", Status = OutboxStatus.DeadLetter, Attempts = 8, LastError = error,
            CreatedAt = UiTestData.Now, NextAttemptAt = UiTestData.Now,
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync(Ct);
        return message.Id;
    }

    private async Task JournalEntryAsync()
    {
        await using var db = fixture.App.Database.CreateContext();
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = fixture.Directive.Id, TaskId = fixture.HoanKiemTask.Id, Actor = "00070-PARTY.head", Action = "task.completed", At = UiTestData.Now,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The text a reader sees in the page's main area: tags, scripts and attributes left out, entities decoded.</summary>
    private static string MainText(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        var main = html[start..end];
        return WebUtility.HtmlDecode(Tags().Replace(main, " "));
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+\b")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:")]
    private static partial Regex RawIsoDate();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
