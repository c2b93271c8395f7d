using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Digest;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Infrastructure.Tests.Scheduling;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// A chase queued for an open task and not yet sent when the task closes (an SMTP outage, a dead letter retried later,
/// an escalation held for a digest) used to reach the unit anyway, chasing a finished task.
/// </summary>
public sealed class ClosedTaskChaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reminder_queued_before_its_task_was_completed_is_skipped_while_its_assignment_notice_goes(string provider)
    {
        await using var h = await CreateAsync(provider);
        var task = await h.AddTaskAsync(5);
        h.MoveTo(Local(2026, 3, 5, 8, 30));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        await using (var db = h.Db())
        {
            await new OutboxWriter(h.Clock).TryInsertAsync(db, new OutboxEmail("assigned:1", [WardHead]) { Subject = "Nhiệm vụ mới", TextBody = "Nội dung", TaskId = task.Id }, Ct);
        }

        await CloseAsync(h, task.Id, UnitTaskStatus.Completed);
        var result = await h.DispatchAsync();

        Assert.Equal((2, 1, 1), (result.Claimed, result.Sent, result.Skipped));
        Assert.Equal("Nhiệm vụ mới", Assert.Single(h.Mailbox.All()).Subject);
        await using var check = h.Db();
        var reminder = await check.Outbox.SingleAsync(m => m.DedupeKey.StartsWith("reminder:"), Ct);
        Assert.Equal((OutboxStatus.Skipped, null, null, 0), (reminder.Status, reminder.LeaseUntil, reminder.SentAt, reminder.Attempts));
        Assert.Equal(0, (await h.DispatchAsync()).Claimed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dead_letter_retried_after_its_task_was_cancelled_is_skipped_and_no_longer_counted_as_waiting(string provider)
    {
        await using var h = await CreateAsync(provider);
        var task = await h.AddTaskAsync(5);
        await using (var db = h.Db())
        {
            await db.Units.Where(u => u.Id == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, (string?)null).SetProperty(u => u.ContactEmails, (string?)null), Ct);
        }

        h.MoveTo(Local(2026, 3, 5, 8, 30));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        Assert.Equal(1, (await h.DispatchAsync()).DeadLettered);
        await CloseAsync(h, task.Id, UnitTaskStatus.Cancelled);
        await using (var db = h.Db())
        {
            await db.Units.Where(u => u.Id == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, WardHead), Ct);
            Assert.Equal(1, await new OutboxAdministration(db, h.Clock).RetryAllAsync(Ct));
        }

        var retried = await h.DispatchAsync();

        Assert.Equal((1, 0, 1), (retried.Claimed, retried.Sent, retried.Skipped));
        Assert.Equal(0, h.Mailbox.Count);
        await using var check = h.Db();
        Assert.Equal(OutboxStatus.Skipped, (await check.Outbox.SingleAsync(Ct)).Status);
        Assert.Equal(0, await new CountPendingEmailsHandler(check).Handle(new CountPendingEmailsQuery(), Ct));
        var lag = await OutboxLag.ReadAsync(check, h.Clock.GetUtcNow(), Ct);
        Assert.Equal((0, 0, TimeSpan.Zero), (lag.Pending, lag.DeadLetters, lag.OldestDueAge));
        var screen = await new OutboxScreenHandler(check).Handle(new OutboxScreenQuery(OutboxTab.Skipped, PageRequest.From(1, 10)), Ct);
        Assert.Equal(task.Id, Assert.Single(screen.Messages.Items).TaskId);
        Assert.Equal((0, 0, 1), (screen.Counts[OutboxTab.Pending], screen.Counts[OutboxTab.DeadLetter], screen.Counts[OutboxTab.Skipped]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_completed_while_its_escalation_was_held_is_left_out_of_the_digest(string provider)
    {
        await using var h = await CreateAsync(provider);
        var done = await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        var late = await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await HoldEscalationsUntilTomorrowAsync(h);

        await CloseAsync(h, done.Id, UnitTaskStatus.Completed);
        h.MoveTo(Local(2026, 3, 12, 7, 35));
        var result = await h.DispatchAsync();

        Assert.Equal(1, result.Sent);
        var digest = Assert.Single(h.Mailbox.All());
        Assert.Equal("[Tổng hợp quá hạn] 1 nhiệm vụ của 1 văn bản, 1 đơn vị", digest.Subject);
        Assert.Contains(late.Id.ToString(), digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Id.ToString(), digest.Text, StringComparison.Ordinal);
        await using var check = h.Db();
        var held = await check.Outbox.Where(m => m.DedupeKey.StartsWith("escalation:") && m.To.Contains(ParentHead)).ToDictionaryAsync(m => m.TaskId!.Value, Ct);
        Assert.Equal((OutboxStatus.Skipped, null), (held[done.Id].Status, held[done.Id].DigestId));
        Assert.Equal(OutboxStatus.Digested, held[late.Id].Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_digest_whose_every_task_closed_is_not_written(string provider)
    {
        await using var h = await CreateAsync(provider);
        var first = await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        var second = await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await HoldEscalationsUntilTomorrowAsync(h);

        await CloseAsync(h, first.Id, UnitTaskStatus.Completed);
        await CloseAsync(h, second.Id, UnitTaskStatus.Cancelled);
        h.MoveTo(Local(2026, 3, 12, 7, 35));
        var result = await h.DispatchAsync();

        Assert.Equal(0, result.Sent);
        Assert.Equal(0, h.Mailbox.Count);
        await using var check = h.Db();
        Assert.False(await check.Outbox.AnyAsync(m => m.DedupeKey.StartsWith(EscalationDigestWriter.KeyPrefix) && m.CreatedAt > Local(2026, 3, 12), Ct));
        Assert.Equal(2, await check.Outbox.CountAsync(m => m.Status == OutboxStatus.Skipped, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_completed_while_its_digest_waited_out_an_SMTP_outage_is_left_out_of_the_digest(string provider)
    {
        await using var h = await CreateAsync(provider);
        var done = await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        var late = await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await HoldEscalationsUntilTomorrowAsync(h);
        var digestId = await WriteDigestDuringOutageAsync(h);

        await CloseAsync(h, done.Id, UnitTaskStatus.Completed);
        await h.Catcher.StartAsync(Ct);
        h.Clock.Advance(TimeSpan.FromHours(1));
        var result = await h.DispatchAsync();

        Assert.Equal((1, 1, 0), (result.Claimed, result.Sent, result.Skipped));
        var digest = Assert.Single(h.Mailbox.All());
        Assert.Equal("[Tổng hợp quá hạn] 1 nhiệm vụ của 1 văn bản, 1 đơn vị", digest.Subject);
        Assert.Contains(late.Id.ToString(), digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Id.ToString(), digest.Text, StringComparison.Ordinal);
        await using var check = h.Db();
        var held = await check.Outbox.Where(m => m.DedupeKey.StartsWith("escalation:") && m.To.Contains(ParentHead)).ToDictionaryAsync(m => m.TaskId!.Value, Ct);
        Assert.Equal((OutboxStatus.Skipped, null), (held[done.Id].Status, held[done.Id].DigestId));
        Assert.Equal((OutboxStatus.Digested, digestId), (held[late.Id].Status, held[late.Id].DigestId));
        Assert.Equal(OutboxStatus.Sent, (await check.Outbox.SingleAsync(m => m.Id == digestId, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_digest_whose_every_task_closed_while_it_waited_out_an_SMTP_outage_is_skipped(string provider)
    {
        await using var h = await CreateAsync(provider);
        var first = await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        var second = await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await HoldEscalationsUntilTomorrowAsync(h);
        var digestId = await WriteDigestDuringOutageAsync(h);

        await CloseAsync(h, first.Id, UnitTaskStatus.Completed);
        await CloseAsync(h, second.Id, UnitTaskStatus.Cancelled);
        await h.Catcher.StartAsync(Ct);
        h.Clock.Advance(TimeSpan.FromHours(1));
        var result = await h.DispatchAsync();

        Assert.Equal((1, 0, 1), (result.Claimed, result.Sent, result.Skipped));
        Assert.Equal(0, h.Mailbox.Count);
        await using var check = h.Db();
        var digest = await check.Outbox.SingleAsync(m => m.Id == digestId, Ct);
        Assert.Equal((OutboxStatus.Skipped, null, null), (digest.Status, digest.LeaseUntil, digest.SentAt));
        var held = await check.Outbox.Where(m => m.DedupeKey.StartsWith("escalation:") && m.To.Contains(ParentHead)).ToListAsync(Ct);
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Equal((OutboxStatus.Skipped, null), (m.Status, m.DigestId)));
        Assert.Equal(0, (await h.DispatchAsync()).Claimed);
    }

    /// <summary>
    /// 12 March 07:35 with the SMTP server down: the digest of both held escalations is written, rendered, and waits.
    /// </summary>
    private static async Task<long> WriteDigestDuringOutageAsync(SchedulingHarness h)
    {
        await h.Catcher.StopAsync(Ct);
        h.MoveTo(Local(2026, 3, 12, 7, 35));
        Assert.Equal(0, (await h.DispatchAsync()).Sent);
        await using var db = h.Db();
        var digest = await db.Outbox.SingleAsync(m => m.Template == EmailTemplates.EscalationDigest && m.Status == OutboxStatus.Pending, Ct);
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.DigestId == digest.Id, Ct));
        Assert.StartsWith("[Tổng hợp quá hạn] 2 nhiệm vụ", digest.Subject, StringComparison.Ordinal);
        return digest.Id;
    }

    /// <summary>
    /// Both tasks escalated on 11 March: the ward's head gets hers at once, the superior's are held; that day's digest to
    /// the superior went out already (written here), so they wait for the next window, 12 March 07:30.
    /// </summary>
    private static async Task HoldEscalationsUntilTomorrowAsync(SchedulingHarness h)
    {
        await using (var db = h.Db())
        {
            var sentToday = $"{EscalationDigestWriter.KeyPrefix}{EscalationDigestWriter.RecipientKey(ParentHead)}:20260311";
            await new OutboxWriter(h.Clock).TryInsertAsync(db, new OutboxEmail(sentToday, [ParentHead]) { Subject = "Đã gửi", TextBody = "Nội dung" }, Ct);
            await db.Outbox.Where(m => m.DedupeKey == sentToday).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent), Ct);
        }

        h.MoveTo(Local(2026, 3, 11, 17, 30));
        await h.SweepAsync();
        var held = await h.DispatchAsync();
        Assert.Equal(2, held.Held);
        h.Mailbox.Clear();
    }

    private static async Task CloseAsync(SchedulingHarness h, Guid taskId, UnitTaskStatus status)
    {
        await using var db = h.Db();
        await db.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status), Ct);
    }
}
