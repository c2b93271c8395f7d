using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tests.Scheduling;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

public sealed class OutboxDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_SMTP_down_nothing_is_lost_and_everything_is_delivered_once_it_returns(string provider)
    {
        await using var h = await CreateAsync(provider);
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(2, (await h.SweepAsync()).Effects);
        await h.Catcher.StopAsync(Ct);

        var down = await h.DispatchAsync();
        h.MoveTo(Local(2026, 3, 9, 17, 5).AddSeconds(10));
        var tooEarly = await h.DispatchAsync();
        await h.Catcher.StartAsync(Ct);
        h.MoveTo(Local(2026, 3, 9, 17, 5).AddSeconds(31));
        var back = await h.DispatchAsync();
        var again = await h.DispatchAsync();

        Assert.Equal((2, 0), (down.Failed, down.Sent));
        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal(2, back.Sent);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(2, h.Mailbox.Count);
        await using var db = h.Db();
        // The outage cost no attempt: only the send counts.
        Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_SMTP_outage_longer_than_every_retry_turns_no_email_into_a_dead_letter(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.Outbox.MaxAttempts = 3;
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(2, (await h.SweepAsync()).Effects);
        await h.Catcher.StopAsync(Ct);

        // Twice the runs that used to make dead letters of both, over two hours.
        for (var run = 0; run < 6; run++)
        {
            Assert.Equal(0, (await h.DispatchAsync()).DeadLettered);
            h.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        await using (var db = h.Db())
        {
            Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
            Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.NotNull(m.LastError));
        }

        await h.Catcher.StartAsync(Ct);
        Assert.Equal(2, (await h.DispatchAsync()).Sent);
        Assert.Equal(0, (await h.DispatchAsync()).Claimed);
        Assert.Equal(2, h.Mailbox.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_digest_written_while_SMTP_is_down_waits_for_the_next_run_instead_of_a_second_connection_attempt(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.EscalationDigest.Window = EscalationDigestWindow.Sweep;
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        h.MoveTo(Local(2026, 3, 11, 17, 30));
        await h.SweepAsync();
        await h.Catcher.StopAsync(Ct);

        var down = await h.DispatchAsync();

        Assert.True(down.Unreachable);
        Assert.Equal((2, 0), (down.Held, down.Sent));
        await using (var db = h.Db())
        {
            // Written, but not tried: a second connection in the same run only waited out another timeout.
            var digest = await db.Outbox.SingleAsync(m => m.Template == EmailTemplates.EscalationDigest, Ct);
            Assert.Equal((OutboxStatus.Pending, "", null, 0), (digest.Status, digest.Subject, digest.LastError, digest.Attempts));
            Assert.True(digest.NextAttemptAt <= h.Clock.GetUtcNow());
        }

        await h.Catcher.StartAsync(Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var back = await h.DispatchAsync();

        Assert.False(back.Unreachable);
        Assert.Single(h.Mailbox.All(), m => m.Subject.StartsWith("[Tổng hợp quá hạn] 2 nhiệm vụ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_swept_email_is_addressed_at_dispatch_and_waits_as_a_dead_letter_while_its_unit_has_no_address(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = 1;
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await using (var db = h.Db())
        {
            await db.Units.Where(u => u.Id == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, (string?)null).SetProperty(u => u.ContactEmails, (string?)null), Ct);
        }

        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(2, (await h.SweepAsync()).Effects);
        var failed = await h.DispatchAsync();

        Assert.Equal((2, 0, 2), (failed.Claimed, failed.Sent, failed.DeadLettered));
        await using (var db = h.Db())
        {
            Assert.All(await db.Outbox.ToListAsync(Ct), m =>
            {
                Assert.Equal((OutboxStatus.DeadLetter, "", null), (m.Status, m.To, m.ModelJson));
                Assert.Equal("Completing the row failed: No one can receive it: unit 00070-COMMITTEE (UBND phường Hoàn Kiếm) has no email address for 'unitHead'.", m.LastError);
            });
        }

        // Meanwhile another unit's overdue task is swept and sent: once old enough its model is forgotten, while the
        // dead letters keep theirs.
        await h.AddTaskAsync(5, "Việc của Sở", t => (t.UnitId, t.DueAt, t.OriginalDueAt) = (h.Parent.Id, t.CreatedAt.AddMinutes(-5), t.CreatedAt.AddMinutes(-5)));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        Assert.Equal(1, (await h.DispatchAsync()).Sent);
        h.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = h.Db())
        {
            Assert.Equal(2, await db.OutboxModels.CountAsync(Ct));
            var dispatcher = h.Dispatcher(db);
            Assert.Equal(1, await dispatcher.ForgetSharedModelsAsync(Ct));
            var kept = Assert.Single(await db.OutboxModels.ToListAsync(Ct));
            Assert.Equal(2, await db.Outbox.CountAsync(m => m.ModelId == kept.Id && m.Status == OutboxStatus.DeadLetter, Ct));
            // The unit gets an address; an administrator retries: the emails go to it.
            await db.Units.Where(u => u.Id == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, "moi@hoankiem.hanoi.gov.vn"), Ct);
            var administration = new OutboxAdministration(db, h.Clock);
            foreach (var id in await db.Outbox.Where(m => m.Status == OutboxStatus.DeadLetter).Select(m => m.Id).ToListAsync(Ct))
            {
                Assert.Equal(OutboxAdministration.RetryOutcome.Queued, await administration.RetryAsync(id, Ct));
            }
        }

        var retried = await h.DispatchAsync();

        Assert.Equal(2, retried.Sent);
        Assert.Equal(3, h.Mailbox.Count);
        Assert.Equal(2, h.Mailbox.All().Count(m => m.To.SequenceEqual(["moi@hoankiem.hanoi.gov.vn"])));
        Assert.Contains(h.Mailbox.All(), m => m.Text.Contains("Phạm Tuấn Long", StringComparison.Ordinal) && m.Text.Contains("Vành đai 1", StringComparison.Ordinal));
        Assert.Contains(h.Mailbox.All(), m => m.To.SequenceEqual([ParentHead]) && m.Text.Contains("Việc của Sở", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_shared_model_is_kept_until_every_row_naming_it_is_rendered_then_forgotten(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = 1;
        await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(2, (await h.SweepAsync()).Effects);
        h.Clock.Advance(TimeSpan.FromHours(2));

        await using (var db = h.Db())
        {
            Assert.Equal(1, await db.OutboxModels.CountAsync(Ct));
            var dispatcher = h.Dispatcher(db);
            // Old enough, but both rows still need it.
            Assert.Equal(0, await dispatcher.ForgetSharedModelsAsync(Ct));
        }

        await h.DispatchAllAsync();

        // Each email has its own task's title; the rows keep their completed models, the shared one is gone.
        Assert.Equal(2, h.Mailbox.Count);
        Assert.Contains(h.Mailbox.All(), m => m.Text.Contains("Rà soát hồ sơ đất đai", StringComparison.Ordinal));
        Assert.Contains(h.Mailbox.All(), m => m.Text.Contains("Vành đai 1", StringComparison.Ordinal));
        await using var check = h.Db();
        Assert.Equal(0, await check.OutboxModels.CountAsync(Ct));
        var titles = await check.Tasks.ToDictionaryAsync(t => t.Id, t => t.Title, Ct);
        Assert.All(await check.Outbox.ToListAsync(Ct), m => Assert.Contains(titles[m.TaskId!.Value], m.ModelJson ?? "", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_failing_N_times_becomes_a_dead_letter_that_an_administrator_can_retry(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.Outbox.MaxAttempts = 3;
        await using (var write = h.Db())
        {
            // The server answers but the email cannot go (an outage is not the email's failure: it costs no attempt).
            await new OutboxWriter(h.Clock).TryInsertAsync(write, new OutboxEmail("bad-address", ["khong-hop-le@@hoankiem"]) { Subject = "Thử", TextBody = "Nội dung" }, Ct);
        }

        for (var i = 0; i < 3; i++)
        {
            await h.DispatchAsync();
            h.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await using var db = h.Db();
        var admin = new OutboxAdministration(db, h.Clock);
        var dead = await admin.ListAsync(OutboxStatus.DeadLetter, PageRequest.From(1, 10), Ct);
        var message = Assert.Single(dead.Items);
        Assert.Equal(3, message.Attempts);
        Assert.Contains("Exception", message.LastError, StringComparison.Ordinal);
        Assert.Equal(0, (await h.DispatchAsync()).Claimed);

        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.To, WardHead), Ct);
        Assert.Equal(OutboxAdministration.RetryOutcome.Queued, await admin.RetryAsync(message.Id, Ct));
        Assert.Equal(OutboxAdministration.RetryOutcome.NotDeadLetter, await admin.RetryAsync(message.Id, Ct));
        Assert.Equal(OutboxAdministration.RetryOutcome.NotFound, await admin.RetryAsync(long.MaxValue, Ct));
        Assert.Equal(1, (await h.DispatchAsync()).Sent);
        Assert.Equal(1, h.Mailbox.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_escalation_arrives_with_its_Vietnamese_subject_decoded_escaped_HTML_a_link_and_no_ics_for_its_passed_deadline(string provider)
    {
        await using var h = await CreateAsync(provider);
        var task = await h.AddTaskAsync(5, "Xử lý <điểm nghẽn> & \"Vành đai 2.5\"");
        h.MoveTo(Local(2026, 3, 11, 17, 30));
        await h.SweepAsync();
        await h.DispatchAllAsync();

        var levelOne = h.Mailbox.All().Single(m => m.To.Contains(WardHead));
        Assert.Equal("[Quá hạn] UBND phường Hoàn Kiếm – Xử lý <điểm nghẽn> & \"Vành đai 2.5\" – chậm 2 ngày làm việc", levelOne.Subject);
        Assert.Contains("=?utf-8?", levelOne.RawSubjectHeader, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Xử lý &lt;điểm nghẽn&gt; &amp;", levelOne.Html!, StringComparison.Ordinal);
        Assert.DoesNotContain("<điểm nghẽn>", levelOne.Html!, StringComparison.Ordinal);
        Assert.Contains("Xử lý <điểm nghẽn> &", levelOne.Text, StringComparison.Ordinal);
        Assert.Contains("UBND phường Hoàn Kiếm", levelOne.Text, StringComparison.Ordinal);
        Assert.Contains($"https://directiveflow.hanoi.gov.vn/tasks/{task.Id}", levelOne.Text, StringComparison.Ordinal);
        Assert.Contains("quá hạn 2 ngày làm việc", levelOne.Text, StringComparison.Ordinal);
        // Issue 12 part 8: a deadline that has passed is not put in anyone's calendar.
        Assert.Empty(levelOne.Attachments);
        // The superior's head gets the same step in the day's digest, escaped the same way.
        var digest = h.Mailbox.All().Single(m => m.To.Contains(ParentHead));
        Assert.Equal("[Tổng hợp quá hạn] 1 nhiệm vụ của 1 văn bản, 1 đơn vị", digest.Subject);
        Assert.Contains("Xử lý &lt;điểm nghẽn&gt; &amp;", digest.Html!, StringComparison.Ordinal);
        Assert.Contains($"https://directiveflow.hanoi.gov.vn/tasks/{task.Id}", digest.Text, StringComparison.Ordinal);
        Assert.Empty(digest.Attachments);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recipient_who_prefers_English_gets_the_English_template(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using (var db = h.Db())
        {
            db.Users.Add(new AppUser { Id = Guid.NewGuid(), UserName = "head", Email = WardHead, NormalizedEmail = WardHead.ToUpperInvariant(), PreferredLanguage = "en" });
            await db.SaveChangesAsync(Ct);
        }

        await h.AddTaskAsync(5);
        h.MoveTo(Local(2026, 3, 5, 8, 30));
        await h.SweepAsync();
        await h.DispatchAllAsync();

        // The reminder goes to the head (English) and the unit's office address (no user: Vietnamese wins).
        Assert.StartsWith("[Nhắc việc]", h.Mailbox.All().Single().Subject, StringComparison.Ordinal);
        h.MoveTo(Local(2026, 3, 9, 17, 30));
        await h.SweepAsync();
        await h.DispatchAllAsync();
        Assert.StartsWith("[Overdue] ", h.Mailbox.All()[0].Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_superior_whose_head_is_not_named_is_greeted_in_the_language_of_the_email(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using (var db = h.Db())
        {
            await db.Units.Where(u => u.Id == h.Parent.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadName, (string?)null), Ct);
            db.Users.Add(new AppUser { Id = Guid.NewGuid(), UserName = "sxd", Email = ParentHead, NormalizedEmail = ParentHead.ToUpperInvariant(), PreferredLanguage = "en" });
            await db.SaveChangesAsync(Ct);
        }

        await h.AddTaskAsync(5);
        h.MoveTo(Local(2026, 3, 11, 17, 30));
        await h.SweepAsync();
        await h.DispatchAllAsync();

        // The superior's head prefers English: its digest says "Leadership of", not "Lãnh đạo"; the ward's head, in
        // Vietnamese, is greeted by name.
        var digest = h.Mailbox.All().Single(m => m.To.Contains(ParentHead));
        Assert.StartsWith("[Overdue digest] ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Dear Leadership of Sở Xây dựng Hà Nội,", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lãnh đạo", digest.Text, StringComparison.Ordinal);
        var own = h.Mailbox.All().Single(m => m.To.Contains(WardHead) && m.Subject.StartsWith("[Quá hạn]", StringComparison.Ordinal));
        Assert.Contains("Kính gửi Phạm Tuấn Long (UBND phường Hoàn Kiếm),", own.Text, StringComparison.Ordinal);
    }
}
