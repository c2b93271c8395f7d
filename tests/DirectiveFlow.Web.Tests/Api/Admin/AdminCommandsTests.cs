using System.Security.Claims;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Journal;
using DirectiveFlow.Infrastructure.Organisation.Queries;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Components;
using DirectiveFlow.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Admin;

/// <summary>The use cases behind the admin screens (issue 13, part 5), on every database provider.</summary>
public sealed class AdminCommandsTests
{
    private static readonly Caller Admin = Caller.Of(Person(Roles.Administrator));
    private static readonly Caller Officer = Caller.Of(Person(Roles.UnitOfficer));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_adds_and_removes_a_day_off_and_the_years_rules_still_hold(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);
        var march8 = new DateOnly(2027, 3, 8);

        var added = await SendAsync(app, m => m.Send(new AddCalendarDayCommand(march8, CalendarDayKind.Holiday, "Nghỉ thử nghiệm", Admin), Ct));
        var duplicate = await RefusalAsync(app, m => m.Send(new AddCalendarDayCommand(march8, CalendarDayKind.Holiday, "Lần hai", Admin), Ct));
        var weekdayMakeUp = await RefusalAsync(app, m => m.Send(new AddCalendarDayCommand(new DateOnly(2027, 3, 9), CalendarDayKind.MakeUpWorkingDay, "Làm bù", Admin), Ct));
        var noName = await RefusalAsync(app, m => m.Send(new AddCalendarDayCommand(new DateOnly(2027, 3, 10), CalendarDayKind.Holiday, " ", Admin), Ct));
        var byOfficer = await RefusalAsync(app, m => m.Send(new AddCalendarDayCommand(new DateOnly(2027, 3, 11), CalendarDayKind.Holiday, "Không được", Officer), Ct));
        var removed = await SendAsync(app, m => m.Send(new RemoveCalendarDayCommand(march8, Admin), Ct));
        var missing = await RefusalAsync(app, m => m.Send(new RemoveCalendarDayCommand(march8, Admin), Ct));

        Assert.Contains(added.Days, d => d.Date == march8 && d.Name == "Nghỉ thử nghiệm");
        Assert.Contains(added.Days, d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.DuplicateDate, duplicate.Errors["date"][0].Code);
        Assert.Equal(ErrorCodes.MakeUpOnWeekday, weekdayMakeUp.Errors["date"][0].Code);
        Assert.True(noName.Errors.ContainsKey("name"));
        Assert.Equal((ProblemKind.Forbidden, ErrorCodes.AdministratorOnly), (byOfficer.Kind, byOfficer.Problem.Code));
        Assert.DoesNotContain(removed.Days, d => d.Date == march8);
        Assert.Equal(added.Days.Count - 1, removed.Days.Count);
        Assert.Equal((ProblemKind.NotFound, ErrorCodes.CalendarDayNotFound), (missing.Kind, missing.Problem.Code));
        Assert.True(app.Services.GetRequiredService<IWorkingDayCalendar>().IsWorkingDay(march8), "the cached calendar was not refreshed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_edits_a_units_contacts_and_adds_a_sub_unit_under_it(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);
        var party = await UnitIdAsync(app, "00070-PARTY");

        var edited = await SendAsync(app, m => m.Send(new EditUnitCommand(party, null, "vanphong@hoankiem.hanoi.gov.vn; dangu@hoankiem.hanoi.gov.vn", Admin), Ct));
        var badEmail = await RefusalAsync(app, m => m.Send(new EditUnitCommand(party, null, "không phải thư", Admin), Ct));
        var renamePillar = await RefusalAsync(app, m => m.Send(new EditUnitCommand(party, "Tên khác", null, Admin), Ct));
        var byOfficer = await RefusalAsync(app, m => m.Send(new EditUnitCommand(party, null, "a@b.vn", Officer), Ct));
        var sub = await SendAsync(app, m => m.Send(new AddSubUnitCommand(party, "Ban Tuyên giáo", null, OrgUnitKind.Department, "tuyengiao@hoankiem.hanoi.gov.vn", Admin), Ct));
        var renamedSub = await SendAsync(app, m => m.Send(new EditUnitCommand(sub.Id, "Ban Tuyên giáo và Dân vận", null, Admin), Ct));
        var noKind = await RefusalAsync(app, m => m.Send(new AddSubUnitCommand(party, "Không loại", null, null, null, Admin), Ct));

        Assert.Equal("vanphong@hoankiem.hanoi.gov.vn;dangu@hoankiem.hanoi.gov.vn", edited.ContactEmails);
        Assert.Equal(ErrorCodes.NotEmails, badEmail.Errors["contactEmails"][0].Code);
        Assert.Equal(ErrorCodes.PillarNameFromImport, renamePillar.Errors["name"][0].Code);
        Assert.Equal(ProblemKind.Forbidden, byOfficer.Kind);
        Assert.Equal(("00070-PARTY-1", party, UnitLevel.SubUnit), (sub.Code, sub.ParentId!.Value, sub.Level));
        Assert.Equal(("Ban Tuyên giáo và Dân vận", "tuyengiao@hoankiem.hanoi.gov.vn"), (renamedSub.Name, renamedSub.ContactEmails));
        Assert.True(noKind.Errors.ContainsKey("kind"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_tree_shows_a_communes_units_with_their_heads_and_keeps_the_parents_of_a_match(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);
        var party = await UnitIdAsync(app, "00070-PARTY");
        await SendAsync(app, m => m.Send(new AddSubUnitCommand(party, "Ban Kiểm tra", "00070-PARTY-KT", OrgUnitKind.Department, null, Admin), Ct));

        var all = await SendAsync(app, m => m.Send(new UnitTreeQuery(null, null), Ct));
        var search = await SendAsync(app, m => m.Send(new UnitTreeQuery("01", "kiểm tra"), Ct));

        Assert.Equal("01", all.ProvinceCode);
        Assert.Contains(all.Units, u => u.Code == "01-PARTY" && u.Level == UnitLevel.Province);
        var hoanKiem = Assert.Single(all.Units, u => u.Code == "00070-PARTY");
        // The unit's own head account (demo mode) and the named head the demo seeds for Hoàn Kiếm's Party committee.
        Assert.Equal(["Lãnh đạo " + hoanKiem.Name, "Phạm Văn Hùng"], hoanKiem.Heads.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.Contains(hoanKiem.Heads, h => h.Name == "Phạm Văn Hùng" && h.Position == "Bí thư Đảng ủy phường");
        Assert.Equal(["00070-PARTY", "00070-PARTY-KT"], search.Units.Select(u => u.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_outbox_screen_splits_waiting_failed_and_dead_emails_and_an_administrator_retries_a_dead_letter(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);
        long deadId;
        await using (var db = app.Database.CreateContext())
        {
            db.Outbox.AddRange(
                Email("t:pending", OutboxStatus.Pending, 0, null),
                Email("t:failed", OutboxStatus.Pending, 2, "Máy chủ thư từ chối kết nối"),
                Email("t:sent", OutboxStatus.Sent, 1, null));
            var dead = Email("t:dead", OutboxStatus.DeadLetter, 8, "Hộp thư không tồn tại");
            db.Outbox.Add(dead);
            await db.SaveChangesAsync(Ct);
            deadId = dead.Id;
        }

        var before = await SendAsync(app, m => m.Send(new OutboxScreenQuery(OutboxTab.DeadLetter, PageRequest.From(1, 10)), Ct));
        var byOfficer = await RefusalAsync(app, m => m.Send(new RetryDeadLetterCommand(deadId, Officer), Ct));
        await SendAsync(app, m => m.Send(new RetryDeadLetterCommand(deadId, Admin), Ct));
        var again = await RefusalAsync(app, m => m.Send(new RetryDeadLetterCommand(deadId, Admin), Ct));
        var unknown = await RefusalAsync(app, m => m.Send(new RetryDeadLetterCommand(deadId + 1000, Admin), Ct));
        var after = await SendAsync(app, m => m.Send(new OutboxScreenQuery(OutboxTab.Pending, PageRequest.From(1, 10)), Ct));

        Assert.Equal("Hộp thư không tồn tại", Assert.Single(before.Messages.Items).LastError);
        Assert.Equal((1, 1, 1, 0), (before.Counts[OutboxTab.Pending], before.Counts[OutboxTab.Failed], before.Counts[OutboxTab.DeadLetter], before.Counts[OutboxTab.Held]));
        Assert.Equal(ProblemKind.Forbidden, byOfficer.Kind);
        Assert.Equal((ProblemKind.Conflict, ErrorCodes.OutboxOnlyDeadLetter), (again.Kind, again.Problem.Code));
        Assert.Equal((ProblemKind.NotFound, ErrorCodes.OutboxMessageNotFound), (unknown.Kind, unknown.Problem.Code));
        Assert.Equal((2, 0), (after.Counts[OutboxTab.Pending], after.Counts[OutboxTab.DeadLetter]));
        Assert.Contains(after.Messages.Items, m => m.Id == deadId && m.Attempts == 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_journal_is_searched_by_directive_unit_person_and_Hanoi_days(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);
        await using (var db = app.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var ringRoad = await data.DirectiveAsync("Kết luận số 15-KL/TU", "Triển khai Vành đai 4");
            var other = await data.DirectiveAsync("Chỉ thị số 02-CT/TU", "Chuyển đổi số");
            var hoanKiem = await data.TaskAsync(ringRoad, "00070-PARTY", "Kế hoạch của phường", UiTestData.Now.AddDays(20));
            // 23:30 on 01/03/2027 in Hà Nội is still 01/03 there, though 16:30 UTC.
            db.Journal.AddRange(
                Entry(ringRoad.Id, hoanKiem.Id, "00070-PARTY.head", "task.completed", new DateTimeOffset(2027, 3, 1, 16, 30, 0, TimeSpan.Zero)),
                Entry(ringRoad.Id, null, "01-PARTY", "directive.issued", new DateTimeOffset(2027, 2, 20, 2, 0, 0, TimeSpan.Zero)),
                Entry(other.Id, null, "system", "directive.issued", new DateTimeOffset(2027, 3, 2, 2, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync(Ct);
        }

        async Task<IReadOnlyList<JournalSearchRow>> Find(JournalSearch search) =>
            (await SendAsync(app, m => m.Send(new SearchJournalQuery(search, PageRequest.From(1, 50)), Ct))).Items;

        var byDirective = await Find(new JournalSearch(Directive: "vành đai"));
        var byNumber = await Find(new JournalSearch(Directive: "02-CT"));
        var byUnit = await Find(new JournalSearch(Unit: "00070"));
        var byPersonName = await Find(new JournalSearch(Person: "lãnh đạo đảng ủy phường hoàn kiếm"));
        var byDay = await Find(new JournalSearch(From: new DateOnly(2027, 3, 1), To: new DateOnly(2027, 3, 1)));

        Assert.Equal(["task.completed", "directive.issued"], byDirective.Select(r => r.Action));
        Assert.Equal("Chỉ thị số 02-CT/TU", Assert.Single(byNumber).DirectiveNumber);
        var unitRow = Assert.Single(byUnit);
        // A unit's own account (no position) reads as its unit, as on every screen (Identity/PersonNames).
        Assert.Equal(("Đảng ủy phường Hoàn Kiếm", "Đảng ủy phường Hoàn Kiếm"), (unitRow.UnitName, unitRow.ActorName));
        Assert.Equal("00070-PARTY.head", Assert.Single(byPersonName).Actor);
        Assert.Equal("task.completed", Assert.Single(byDay).Action);
    }

    private static ClaimsPrincipal Person(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, role)], "test"));

    private static OutboxMessage Email(string key, OutboxStatus status, int attempts, string? error) => new()
    {
        DedupeKey = key, To = "nguoinhan@example.vn", Subject = "Nhiệm vụ mới", HtmlBody = "", TextBody = "t",
        Status = status, Attempts = attempts, LastError = error, CreatedAt = UiTestData.Now, NextAttemptAt = UiTestData.Now,
    };

    private static JournalEntry Entry(Guid directiveId, Guid? taskId, string actor, string action, DateTimeOffset at) =>
        new() { DirectiveId = directiveId, TaskId = taskId, Actor = actor, Action = action, At = at };

    private static async Task<Guid> UnitIdAsync(DirectiveFlowWebFactory app, string code)
    {
        await using var db = app.Database.CreateContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    private static async Task<T> SendAsync<T>(DirectiveFlowWebFactory app, Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private static async Task<ProblemException> RefusalAsync<T>(DirectiveFlowWebFactory app, Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Assert.ThrowsAsync<ProblemException>(async () => await send(scope.ServiceProvider.GetRequiredService<IMediator>()));
    }
}
