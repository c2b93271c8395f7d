using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

public sealed class TaskCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TaskHarness H, UnitTask Task)> ArrangeAsync(string provider, UnitTaskStatus status, bool requiresReview = false, Action<UnitTask>? configure = null)
    {
        var h = await TaskHarness.CreateAsync(provider);
        await using var db = h.Database.CreateContext();
        var data = new TaskTestData(db);
        var directive = await data.AddDirectiveAsync(h.City.Id);
        var task = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
            status, requiresReview, configure: configure);
        return (h, task);
    }

    private static async Task<UnitTask> ReloadAsync(TaskHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completing_without_review_completes_the_task_journals_it_and_moves_the_flow_on(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Đã tổ chức hội nghị quán triệt.")));

        var done = await ReloadAsync(h, task.Id);
        Assert.Equal(UnitTaskStatus.Completed, done.Status);
        Assert.Equal(TaskHarness.Start, done.CompletedAt);
        Assert.Equal(1, done.ConcurrencyStamp);
        Assert.Equal([(task.Id, "Done", h.Ward.Code)], h.Engine.Finished.ToArray());
        await using var db = h.Database.CreateContext();
        Assert.Equal(["task.completed"], await db.Journal.Where(j => j.TaskId == task.Id).Select(j => j.Action).ToListAsync(Ct));
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.TaskId == task.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_the_engine_fails_nothing_of_the_completion_is_written(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;
        h.Engine.FailWith = new InvalidOperationException("engine down");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả"))));

        var same = await ReloadAsync(h, task.Id);
        Assert.Equal(UnitTaskStatus.InProgress, same.Status);
        Assert.Null(same.ResultSummary);
        await using var db = h.Database.CreateContext();
        Assert.False(await db.Journal.AnyAsync(j => j.TaskId == task.Id, Ct));
        Assert.False(await db.Outbox.AnyAsync(m => m.TaskId == task.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_reported_result_dates_completion_at_the_submission_not_the_review(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress, requiresReview: true);
        await using var _ = h;
        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
        Assert.Empty(h.Engine.Finished);
        h.Clock.Advance(TimeSpan.FromDays(10));

        await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new ReviewTaskCommand(task.Id, "accept", null)));

        var done = await ReloadAsync(h, task.Id);
        Assert.Equal(UnitTaskStatus.Completed, done.Status);
        Assert.Equal(TaskHarness.Start, done.CompletedAt);
        Assert.Equal(TaskCategory.CompletedOnTime, done.CategoryAt(h.Clock.GetUtcNow()));
        Assert.Equal([(task.Id, ReviewTaskHandler.AcceptedOutcome, h.City.Code)], h.Engine.Finished.ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_write_loses_to_the_first_and_is_reported_as_a_conflict(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;
        // Both requests load the task, then wait for each other before either writes: a true lost-update race.
        using var bothLoaded = new Barrier(2);
        TestCurrentUserFactory(h, bothLoaded, out var first, out var second);

        var results = await Task.WhenAll(
            Task.Run(() => Problems.TryAsync(h.AsAsync(first, s => s.Send(new CompleteTaskCommand(task.Id, "Một"))))),
            Task.Run(() => Problems.TryAsync(h.AsAsync(second, s => s.Send(new CompleteTaskCommand(task.Id, "Hai"))))));

        Assert.Single(results, r => r is null);
        var conflict = Assert.Single(results, r => r is not null)!;
        Assert.Equal(ProblemKind.Conflict, conflict.Kind);
        Assert.Single(h.Engine.Finished);
        Assert.Equal(1, (await ReloadAsync(h, task.Id)).ConcurrencyStamp);
    }

    private static void TestCurrentUserFactory(TaskHarness h, Barrier barrier, out TestCurrentUser first, out TestCurrentUser second)
    {
        first = TaskHarness.Officer(h.Ward);
        second = TaskHarness.Head(h.Ward);
        foreach (var user in new[] { first, second })
        {
            var waited = 0;
            user.OnRoleCheck = () =>
            {
                if (Interlocked.Exchange(ref waited, 1) == 0)
                {
                    Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(20)), "the other request never loaded the task");
                }
            };
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_open_sub_cascade_blocks_completion_unless_the_flow_allows_it(string provider)
    {
        var subCascade = Guid.NewGuid();
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress, configure: t => t.SubCascadeExecutionId = subCascade);
        await using var _ = h;
        await using (var db = h.Database.CreateContext())
        {
            db.ActivityExecutions.Add(new Core.Workflows.ActivityExecution
            {
                Id = subCascade, InstanceId = task.InstanceId, ActivityId = "sub", ActivityType = "Cascade",
                Status = Core.Workflows.ActivityExecutionStatus.Waiting,
            });
            await db.SaveChangesAsync(Ct);
        }

        var refused = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả"))));
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        var detail = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new GetTaskQuery(task.Id)));
        Assert.DoesNotContain("complete", detail.AllowedActions);

        await using (var db = h.Database.CreateContext())
        {
            await db.ActivityExecutions.Where(e => e.Id == subCascade)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, Core.Workflows.ActivityExecutionStatus.Completed), Ct);
        }

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
        Assert.Equal(UnitTaskStatus.Completed, (await ReloadAsync(h, task.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_return_for_rework_tells_the_unit_once_with_the_comment_and_the_deadline(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress, requiresReview: true);
        await using var _ = h;
        foreach (var comment in new[] { "Bổ sung số liệu quý I", "Thiếu chữ ký" })
        {
            await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
            await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new ReviewTaskCommand(task.Id, "return", comment)));
        }

        await using var db = h.Database.CreateContext();
        var rows = await Engine.Notices.SentNotices.RowsAsync(db, Ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((task.Id, "returned"), (r.TaskId!.Value, r.Template)));
        Assert.Equal(2, rows.Select(r => r.DedupeKey).Distinct().Count());
        var emails = await Engine.Notices.SentNotices.RenderAsync(db, rows, "vi", Ct);
        var (row, email) = emails[1];
        Assert.Equal($"head.{h.Ward.Code.ToLowerInvariant()}@example.vn", row.To);
        Assert.Equal($"[Trả lại để làm lại] {h.Ward.Name} – {task.Title} – hạn {Core.Calendar.VietnamTime.ToLocal(task.DueAt):dd/MM/yyyy}", email.Subject);
        Assert.Contains("Thiếu chữ ký", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bổ sung số liệu", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull(email.IcsContent);
        // The old plain "returned" email is gone: one notice per return, not two.
        Assert.False(await db.Outbox.AnyAsync(m => m.DedupeKey.Contains(":returned:"), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_extension_carries_the_new_deadline_as_ics_and_a_rejected_one_none(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;
        foreach (var approve in new[] { false, true })
        {
            var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));
            await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new DecideExtensionCommand(task.Id, request, approve, null)));
        }

        await using var db = h.Database.CreateContext();
        var approved = await db.Outbox.SingleAsync(m => m.TaskId == task.Id && m.DedupeKey.Contains("extension-approved"), Ct);
        var rejected = await db.Outbox.SingleAsync(m => m.TaskId == task.Id && m.DedupeKey.Contains("extension-rejected"), Ct);
        var due = (await ReloadAsync(h, task.Id)).DueAt;
        Assert.Contains($"DTEND:{due.UtcDateTime:yyyyMMdd'T'HHmmss}Z", approved.IcsContent, StringComparison.Ordinal);
        Assert.Equal(("han-xu-ly.ics", null, null), (approved.IcsFileName, rejected.IcsContent, rejected.IcsFileName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_due_time_without_an_offset_is_Vietnam_time_and_must_fall_on_a_working_day(string provider)
    {
        // Read in the server's zone (UTC in a container), "17:00" became 00:00 the next day in Hà Nội; and an instant on a
        // Saturday passed although the date alone refuses non-working days.
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;

        foreach (var saturday in new[] { "2026-03-14T17:00+07:00", "2026-03-13T20:00:00Z", "2026-03-14T10:00" })
        {
            var refused = await Problems.TryAsync(h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, null, saturday, "Chờ số liệu"))));
            Assert.Equal(ErrorCodes.ExtensionBadDate, Assert.Single(refused!.Errors["newDueDate"]).Code);
        }

        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, null, "2026-03-12T17:00", "Chờ số liệu")));

        await using var db = h.Database.CreateContext();
        var asked = (await db.ExtensionRequests.SingleAsync(r => r.Id == request, Ct)).RequestedDueAt;
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 17, 0, 0, TimeSpan.FromHours(7)), asked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_extension_whose_deadline_has_passed_cannot_be_approved_but_may_be_rejected(string provider)
    {
        // Approved late, the task stayed overdue with its escalation reset, and the sweep mailed the past steps again.
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;
        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));
        h.Clock.Advance(TimeSpan.FromDays(30));

        var refused = await Problems.TryAsync(h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new DecideExtensionCommand(task.Id, request, true, null))));

        Assert.Equal((ProblemKind.Conflict, ErrorCodes.ExtensionDueDatePassed), (refused?.Kind, refused?.Code));
        Assert.StartsWith("Hạn mới được đề nghị (", refused!.Problem.Text(english: false), StringComparison.Ordinal);
        var same = await ReloadAsync(h, task.Id);
        Assert.Equal((task.DueAt, task.EscalationLevel, task.NextActionAt), (same.DueAt, same.EscalationLevel, same.NextActionAt));
        await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new DecideExtensionCommand(task.Id, request, false, "Đề nghị lại")));
        await using var db = h.Database.CreateContext();
        Assert.Equal(ExtensionRequestStatus.Rejected, (await db.ExtensionRequests.SingleAsync(r => r.Id == request, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_event_email_names_the_responsible_unit_and_links_to_the_task(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress);
        await using var _ = h;
        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));

        await using var db = h.Database.CreateContext();
        var email = await db.Outbox.SingleAsync(m => m.TaskId == task.Id && m.DedupeKey.Contains("extension-requested"), Ct);
        Assert.Equal($"[Đề nghị gia hạn] {h.Ward.Name} – {task.Title}", email.Subject);
        Assert.EndsWith($"/tasks/{task.Id}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/tasks/{task.Id}\">Mở nhiệm vụ</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_with_a_500_character_title_can_be_returned_and_its_extension_decided_its_emails_quoting_a_cut_title(string provider)
    {
        var title = string.Concat(Enumerable.Repeat("Rà soát, sắp xếp trụ sở ", 30))[..500];
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress, requiresReview: true, configure: t => t.Title = title);
        await using var _ = h;
        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));
        await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new DecideExtensionCommand(task.Id, request, false, "Không gia hạn")));
        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
        await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new ReviewTaskCommand(task.Id, "return", "Bổ sung")));

        await using var db = h.Database.CreateContext();
        var emails = await db.Outbox.Where(m => m.TaskId == task.Id && m.Template == null).ToListAsync(Ct);
        Assert.NotEmpty(emails);
        Assert.All(emails, m => Assert.EndsWith($" – {DirectiveFlow.Infrastructure.Email.OutboxFields.SubjectTitle(title)}", m.Subject, StringComparison.Ordinal));
        Assert.Equal(UnitTaskStatus.Returned, (await ReloadAsync(h, task.Id)).Status);
    }
}
