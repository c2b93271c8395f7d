using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// The path every task command shares (<see cref="TaskWorkspace"/>): one query for the task and what the command needs
/// of it, the stamp claim, the process's queue for SQLite's write lock, and the event email's recipients, language and
/// citation read in compiled queries.
/// </summary>
public sealed class TaskCommitPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completions_of_different_tasks_at_once_all_commit_each_once(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var tasks = new List<UnitTask>();
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            foreach (var unit in new[] { h.Ward, h.OtherWard, h.WardSubUnit, h.Ward, h.OtherWard, h.WardSubUnit, h.Ward, h.OtherWard })
            {
                var directive = await data.AddDirectiveAsync(h.City.Id, number: $"Kết luận số {tasks.Count + 1}-KL/TU");
                tasks.Add(await data.AddTaskAsync(directive, unit.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
                    UnitTaskStatus.InProgress));
            }
        }

        await Task.WhenAll(tasks.Select(task => Task.Run(() =>
            h.AsAsync(TaskHarness.Officer(UnitOf(h, task.UnitId)), s => s.Send(new CompleteTaskCommand(task.Id, "Đã hoàn thành"))), Ct)));

        await using var check = h.Database.CreateContext();
        var ids = tasks.Select(t => t.Id).ToList();
        var done = await check.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(Ct);
        Assert.Equal(tasks.Count, done.Count(t => t.Status == UnitTaskStatus.Completed && t.ConcurrencyStamp == 1));
        Assert.Equal(tasks.Count, await check.Journal.CountAsync(j => j.TaskId != null && ids.Contains(j.TaskId.Value) && j.Action == "task.completed", Ct));
        Assert.Equal(ids.Order(), h.Engine.Finished.Select(f => f.TaskId).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Four_racing_completions_of_one_task_give_one_success_and_three_conflicts_with_nothing_half_written(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var task = await WardTaskAsync(h);

        // All four read the task before any of them commits.
        using var allLoaded = new Barrier(4);
        var callers = Enumerable.Range(0, 4).Select(i => HeldAfterLoad(i % 2 == 0 ? TaskHarness.Officer(h.Ward) : TaskHarness.Head(h.Ward), allLoaded)).ToList();
        var results = await Task.WhenAll(callers.Select((caller, i) => Task.Run(() =>
            Problems.TryAsync(h.AsAsync(caller, s => s.Send(new CompleteTaskCommand(task.Id, $"Kết quả {i}")))), Ct)));

        Assert.Single(results, r => r is null);
        Assert.Equal(3, results.Count(r => r?.Kind == ProblemKind.Conflict));
        Assert.Single(h.Engine.Finished);
        await using var check = h.Database.CreateContext();
        var done = await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct);
        Assert.Equal(1, done.ConcurrencyStamp);
        Assert.Equal(UnitTaskStatus.Completed, done.Status);
        Assert.Single(await check.Journal.Where(j => j.TaskId == task.Id).ToListAsync(Ct));
        Assert.Single(await check.Outbox.Where(m => m.TaskId == task.Id).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_extension_request_made_after_the_task_was_read_makes_the_completion_a_conflict_and_stays_open(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var task = await WardTaskAsync(h);

        // The completion reads the task (no open request), then, before it commits, the unit asks for more time.
        var completer = TaskHarness.Head(h.Ward);
        var asked = 0;
        completer.OnRoleCheck = () =>
        {
            if (Interlocked.Exchange(ref asked, 1) == 0)
            {
                h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu của các tổ dân phố")))
                    .GetAwaiter().GetResult();
            }
        };

        var conflict = await Problems.TryAsync(h.AsAsync(completer, s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả"))));

        Assert.Equal(ProblemKind.Conflict, conflict?.Kind);
        Assert.Empty(h.Engine.Finished);
        await using var check = h.Database.CreateContext();
        var request = await check.ExtensionRequests.AsNoTracking().SingleAsync(r => r.TaskId == task.Id, Ct);
        Assert.Equal(ExtensionRequestStatus.Requested, request.Status);
        Assert.NotEqual(UnitTaskStatus.Completed, (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct)).Status);

        // Read again, the completion supersedes the request.
        await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
        await using var after = h.Database.CreateContext();
        Assert.Equal(ExtensionRequestStatus.Superseded, (await after.ExtensionRequests.AsNoTracking().SingleAsync(r => r.TaskId == task.Id, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_completion_email_reaches_the_assigners_accounts_in_their_language_and_cites_the_directive(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        UnitTask english;
        UnitTask mixed;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id, number: "Kết luận số 21-KL/TU");
            english = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
                UnitTaskStatus.InProgress);
            mixed = await data.AddTaskAsync(directive, h.OtherWard.Id, h.Ward.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
                UnitTaskStatus.InProgress);
            // The city unit's head address is its head's account: every recipient of its emails is a user who prefers English.
            AddAccount(db, "01-COMMITTEE.head", "head.01-committee@example.vn", h.City.Id, "en");
            AddAccount(db, "tuan.vq", "Tuan.VQ@hanoi.gov.vn", h.City.Id, "en");
            AddAccount(db, "an.nt", "an.nt@hanoi.gov.vn", h.City.Id, "en");
            AddAccount(db, "no-mail", null, h.City.Id, "en");
            AddAccount(db, "lan.nt", "lan.nt@hoankiem.hanoi.gov.vn", h.Ward.Id, "vi");
            AddAccount(db, "minh.tv", "minh.tv@hoankiem.hanoi.gov.vn", h.Ward.Id, "en");
            await db.SaveChangesAsync(Ct);
        }

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(english.Id, "Đã tổ chức hội nghị")));
        await h.AsAsync(TaskHarness.Officer(h.OtherWard), s => s.Send(new CompleteTaskCommand(mixed.Id, "Đã báo cáo")));

        await using var check = h.Database.CreateContext();
        var toCity = await check.Outbox.AsNoTracking().SingleAsync(m => m.TaskId == english.Id, Ct);
        Assert.Equal("head.01-committee@example.vn;an.nt@hanoi.gov.vn;Tuan.VQ@hanoi.gov.vn", toCity.To);
        Assert.Equal($"[Task completed] {h.Ward.Name} – {english.Title}", toCity.Subject);
        Assert.Contains("Directive: ", toCity.TextBody, StringComparison.Ordinal);
        Assert.Contains("21-KL/TU", toCity.TextBody, StringComparison.Ordinal);
        var toWard = await check.Outbox.AsNoTracking().SingleAsync(m => m.TaskId == mixed.Id, Ct);
        // The ward's head address belongs to no user, and one officer prefers Vietnamese: the email is in Vietnamese.
        Assert.Equal("head.00070-committee@example.vn;lan.nt@hoankiem.hanoi.gov.vn;minh.tv@hoankiem.hanoi.gov.vn", toWard.To);
        Assert.Equal($"[Nhiệm vụ đã hoàn thành] {h.OtherWard.Name} – {mixed.Title}", toWard.Subject);
        Assert.Contains("Văn bản: ", toWard.TextBody, StringComparison.Ordinal);
    }

    private static async Task<UnitTask> WardTaskAsync(TaskHarness h)
    {
        await using var db = h.Database.CreateContext();
        var data = new TaskTestData(db);
        return await data.AddTaskAsync(await data.AddDirectiveAsync(h.City.Id), h.Ward.Id, h.City.Id, TaskHarness.Start,
            h.Calendar.AddWorkingDays(TaskHarness.Start, 5), UnitTaskStatus.InProgress);
    }

    private static void AddAccount(DirectiveFlowDbContext db, string userName, string? email, Guid unitId, string language) =>
        db.Users.Add(new AppUser
        {
            Id = Guid.NewGuid(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = email,
            NormalizedEmail = email?.ToUpperInvariant(), FullName = userName, UnitId = unitId, IsActive = true, PreferredLanguage = language,
        });

    private static Core.Organisation.OrgUnit UnitOf(TaskHarness h, Guid id) =>
        new[] { h.Ward, h.OtherWard, h.WardSubUnit }.Single(u => u.Id == id);

    private static TestCurrentUser HeldAfterLoad(TestCurrentUser user, Barrier barrier)
    {
        var waited = 0;
        user.OnRoleCheck = () =>
        {
            if (Interlocked.Exchange(ref waited, 1) == 0)
            {
                Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(20)), "another request never loaded the task");
            }
        };
        return user;
    }

}
