using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>Issue 13, part 4: a unit gives its task to a named officer; the person shows in every record and gets the reminders.</summary>
public sealed class AssignTaskCommandTests
{
    private const string MinhEmail = "minh.tv@hoankiem.hanoi.gov.vn";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(TaskHarness H, UnitTask Task, Guid Minh, Guid Lan, Guid Retired, Guid Stranger) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => H.DisposeAsync();
    }

    private static async Task<World> ArrangeAsync(string provider, UnitTaskStatus status = UnitTaskStatus.Acknowledged)
    {
        var h = await TaskHarness.CreateAsync(provider);
        await using var db = h.Database.CreateContext();
        var roles = await RoleSeeder.EnsureAsync(db, new UpperInvariantLookupNormalizer(), Ct);
        var ward = await db.Units.SingleAsync(u => u.Id == h.Ward.Id, Ct);
        ward.HeadEmail = "chutich@hoankiem.hanoi.gov.vn";
        // The ward's own account (no position) and its people.
        AddPerson(db, roles, h.Ward.Code, h.Ward.Name, "", h.Ward.Id, Roles.UnitOfficer, "ubnd@hoankiem.hanoi.gov.vn");
        var lan = AddPerson(db, roles, h.Ward.Code + ".head", "Nguyễn Thị Lan", "Chủ tịch UBND phường", h.Ward.Id, Roles.UnitHead, "lan.nt@hoankiem.hanoi.gov.vn");
        var minh = AddPerson(db, roles, "minh.tv", "Trần Văn Minh", "Chuyên viên", h.Ward.Id, Roles.UnitOfficer, MinhEmail);
        var retired = AddPerson(db, roles, "hung.lv", "Lê Văn Hùng", "Chuyên viên", h.Ward.Id, Roles.UnitOfficer, "hung@hoankiem.hanoi.gov.vn", active: false);
        var stranger = AddPerson(db, roles, "tu.pq", "Phạm Quang Tú", "Chuyên viên", h.OtherWard.Id, Roles.UnitOfficer, "tu@taytuu.hanoi.gov.vn");
        await db.SaveChangesAsync(Ct);
        var data = new TaskTestData(db);
        var directive = await data.AddDirectiveAsync(h.City.Id);
        var task = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5), status);
        return new World(h, task, minh, lan, retired, stranger);
    }

    private static Guid AddPerson(
        DirectiveFlowDbContext db, Dictionary<string, Guid> roles, string userName, string fullName, string position, Guid unitId,
        string role, string email, bool active = true)
    {
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), FullName = fullName, Position = position, UnitId = unitId, IsActive = active,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
        return user.Id;
    }

    private static TestCurrentUser Minh(TaskHarness h) => new("minh.tv", h.Ward.Id, Roles.UnitOfficer);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_head_gives_the_task_to_an_officer_who_is_named_in_the_task_its_history_the_inbox_and_an_email(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;

        await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh)));

        var detail = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new GetTaskQuery(w.Task.Id)));
        Assert.Equal(new AssigneeDto(w.Minh, "Trần Văn Minh", "Chuyên viên"), detail.AssignedTo);
        Assert.Equal("Trần Văn Minh (Chuyên viên)", detail.AssignedTo!.Label);
        Assert.True(detail.CanAssign);
        Assert.Equal(1, detail.ConcurrencyStamp);

        var history = await h.AsAsync(Minh(h), s => s.Send(new GetTaskJournalQuery(w.Task.Id, new PageRequest(1, 50))));
        var line = Assert.Single(history.Items, e => e.Action == "task.officer.assigned");
        Assert.Equal("Trần Văn Minh (Chuyên viên)", line.Detail);
        Assert.Equal("Nguyễn Thị Lan (Chủ tịch UBND phường) – Ủy ban nhân dân phường Hoàn Kiếm", line.ActorName);

        var mine = await h.AsAsync(Minh(h), s => s.Send(new ListTasksQuery(
            new TaskListFilter(TaskListScope.Mine, [], null, false, null, null, null, null, new PageRequest(1, 20)) { AssignedToMe = true })));
        var row = Assert.Single(mine.Items);
        Assert.Equal("Trần Văn Minh (Chuyên viên)", row.AssignedTo?.Label);
        var headsOwn = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new ListTasksQuery(
            new TaskListFilter(TaskListScope.Mine, [], null, false, null, null, null, null, new PageRequest(1, 20)) { AssignedToMe = true })));
        Assert.Empty(headsOwn.Items);

        await using var db = h.Database.CreateContext();
        var email = await db.Outbox.SingleAsync(m => m.TaskId == w.Task.Id, Ct);
        Assert.Equal(MinhEmail, email.To);
        Assert.Contains("Nhiệm vụ được giao cho bạn", email.Subject, StringComparison.Ordinal);
        Assert.NotNull(email.IcsContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_reassigns_and_takes_the_task_back_each_step_journaled(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;

        await h.AsAsync(Minh(h), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh)));
        await h.AsAsync(Minh(h), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Lan)));
        await h.AsAsync(Minh(h), s => s.Send(new AssignTaskCommand(w.Task.Id, null)));

        await using var db = h.Database.CreateContext();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == w.Task.Id, Ct);
        Assert.Null(task.AssignedUserId);
        Assert.Equal(3, task.ConcurrencyStamp);
        Assert.Equal(["task.officer.assigned", "task.officer.assigned", "task.officer.unassigned"],
            await db.Journal.Where(j => j.TaskId == w.Task.Id).OrderBy(j => j.Id).Select(j => j.Action).ToListAsync(Ct));
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.TaskId == w.Task.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Giving_the_task_to_someone_outside_the_unit_inactive_or_unknown_is_refused_with_its_reason(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;

        foreach (var (userId, code) in new[]
                 {
                     (w.Stranger, ErrorCodes.AssigneeOtherUnit), (w.Retired, ErrorCodes.AssigneeInactive), (Guid.NewGuid(), ErrorCodes.AssigneeNotFound),
                 })
        {
            var problem = await Assert.ThrowsAsync<ProblemException>(() =>
                h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new AssignTaskCommand(w.Task.Id, userId))));
            Assert.Equal(ProblemKind.Invalid, problem.Kind);
            Assert.Equal(code, Assert.Single(problem.Errors["userId"]).Code);
        }

        await using var db = h.Database.CreateContext();
        Assert.Null((await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == w.Task.Id, Ct)).AssignedUserId);
        Assert.False(await db.Journal.AnyAsync(j => j.TaskId == w.Task.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_lead_unit_assigns_and_only_while_the_task_is_open(string provider)
    {
        await using var w = await ArrangeAsync(provider, UnitTaskStatus.Completed);
        var h = w.H;

        var closed = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh))));
        Assert.Equal((ProblemKind.Conflict, ErrorCodes.TaskClosedForAssignment), (closed.Kind, closed.Problem.Code));

        var assigner = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh))));
        Assert.Equal((ProblemKind.Forbidden, ErrorCodes.OnlyUnitAssigns), (assigner.Kind, assigner.Problem.Code));

        var otherWard = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.OtherWard), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh))));
        Assert.Equal((ProblemKind.NotFound, ErrorCodes.TaskNotFound), (otherWard.Kind, otherWard.Problem.Code));

        var detail = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new GetTaskQuery(w.Task.Id)));
        Assert.False(detail.CanAssign);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_units_people_to_assign_are_its_active_officers_and_head_by_name(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;

        var people = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new ListUnitOfficersQuery(h.Ward.Id)));

        Assert.Equal(new[] { "Nguyễn Thị Lan", "Trần Văn Minh", h.Ward.Name }.Order(StringComparer.Ordinal),
            people.Select(p => p.FullName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(people, p => p.Id == w.Retired || p.Id == w.Stranger);
        var hidden = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.OtherWard), s => s.Send(new ListUnitOfficersQuery(h.Ward.Id))));
        Assert.Equal(ProblemKind.NotFound, hidden.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reminder_to_the_unit_reaches_the_assigned_officer_and_the_head_not_every_account(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;
        await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh)));

        await using var db = h.Database.CreateContext();
        var model = new OutboxModel { Json = "{}", RecipientRole = RecipientRoles.Unit, CreatedAt = TaskHarness.Start };
        db.OutboxModels.Add(model);
        await db.SaveChangesAsync(Ct);
        var reminder = new OutboxMessage
        {
            DedupeKey = $"task:{w.Task.Id:N}:reminder:1", To = "", Subject = "", HtmlBody = "", TextBody = "", Template = "reminder",
            ModelId = model.Id, TaskId = w.Task.Id, DirectiveId = w.Task.DirectiveId, CreatedAt = TaskHarness.Start, NextAttemptAt = TaskHarness.Start,
        };

        var rows = await SharedModelRows.LoadAsync(db, [reminder], Ct);
        rows.Address(reminder);

        Assert.Equal([MinhEmail, "chutich@hoankiem.hanoi.gov.vn"], reminder.To.Split(';'));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_head_sees_the_units_tasks_person_by_person_and_an_officer_does_not(string provider)
    {
        await using var w = await ArrangeAsync(provider);
        var h = w.H;
        await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new AssignTaskCommand(w.Task.Id, w.Minh)));
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id, number: "Kết luận số 16-KL/TU");
            await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start.AddDays(-30), TaskHarness.Start.AddDays(-2), UnitTaskStatus.InProgress,
                configure: t => t.AssignedUserId = w.Minh);
            await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start.AddDays(-30), TaskHarness.Start.AddDays(3));
        }

        var rows = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new GetUnitPeopleWorkloadQuery(h.Ward.Id)));

        Assert.NotNull(rows);
        var minh = Assert.Single(rows, r => r.Person?.Id == w.Minh);
        Assert.Equal((2, 1, 1), (minh.Total, minh.OpenWithinDeadline, minh.OpenOverdue));
        // Regression: a person's rate was on time ÷ completed (none here, so blank) beside the unit's on time ÷
        // (completed + open overdue); both are the ranking's now: 0 of 1 decided.
        Assert.Equal(0d, minh.OnTimeRate);
        Assert.Equal(ListUnitRankingHandler.OnTimeRate(new TaskCategoryCounts(4, 1, 1, 0, 2, 0, 0)), new PersonWorkloadDto(null, 4, 1, 1, 0, 2).OnTimeRate);
        Assert.Equal(0.25, new PersonWorkloadDto(null, 4, 1, 1, 0, 2).OnTimeRate);
        Assert.Same(minh, rows[0]);
        var nobody = Assert.Single(rows, r => r.Person is null);
        Assert.Equal((1, 1), (nobody.Total, nobody.OpenWithinDeadline));
        Assert.Null(await h.AsAsync(Minh(h), s => s.Send(new GetUnitPeopleWorkloadQuery(h.Ward.Id))));
        Assert.NotNull(await h.AsAsync(TaskHarness.Admin(), s => s.Send(new GetUnitPeopleWorkloadQuery(h.Ward.Id))));
    }
}
