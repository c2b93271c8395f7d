using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>Rows whose values outgrow their columns (or that the database refuses) neither stop the outbox nor go out twice.</summary>
public sealed class OutboxRowLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string LongTitle = string.Concat(Enumerable.Repeat("Rà soát, sắp xếp trụ sở ", 30))[..500];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_notice_about_a_task_with_a_500_character_title_is_sent_once_and_marked_sent(string provider)
    {
        await using var h = await CreateAsync(provider);
        var task = await h.AddTaskAsync(5, LongTitle);
        await using (var db = h.Db())
        {
            var writer = new OutboxWriter(h.Clock);
            // As a cascade's notice is completed at dispatch: the task's whole title in the model, the unit's name before it.
            var model = new { task = new { id = task.Id, title = LongTitle, dueDate = "09/03/2026" }, unit = new { name = h.Ward.Name }, recipient = new { name = h.Ward.Name } };
            await writer.TryInsertAsync(db, OutboxEmail.FromTemplate("assigned:long", [WardHead], EmailTemplates.Assigned, model) with { TaskId = task.Id }, Ct);
            await writer.TryInsertAsync(db, new OutboxEmail("after", [WardHead]) { Subject = "Thông báo tiếp theo", TextBody = "Nội dung" }, Ct);
        }

        await h.DispatchAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5)); // past any lease: a batch left unsaved would be claimed and sent again
        await h.DispatchAsync();

        Assert.Equal(2, h.Mailbox.Count);
        var notice = h.Mailbox.All().Single(m => m.Subject.StartsWith("[Nhiệm vụ mới]", StringComparison.Ordinal));
        Assert.Equal($"[Nhiệm vụ mới] {h.Ward.Name} – {OutboxFields.SubjectTitle(LongTitle)} – hạn 09/03/2026", notice.Subject);
        Assert.Equal(OutboxFields.TitleInSubject, OutboxFields.SubjectTitle(LongTitle).Length);
        await using var check = h.Db();
        Assert.All(await check.Outbox.ToListAsync(Ct), m => Assert.Equal((OutboxStatus.Sent, 1, null), (m.Status, m.Attempts, m.LastError)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_the_database_refuses_once_prepared_is_a_dead_letter_and_the_others_go_out_once(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using (var db = h.Db())
        {
            var writer = new OutboxWriter(h.Clock);
            var model = new { task = new { title = "Báo cáo quý I (REFUSED)" }, unit = new { name = h.Ward.Name }, workingDaysLeft = 2 };
            await writer.TryInsertAsync(db, new OutboxEmail("before", [WardHead]) { Subject = "Thông báo trước", TextBody = "Nội dung" }, Ct);
            await writer.TryInsertAsync(db, OutboxEmail.FromTemplate("refused", [WardHead], EmailTemplates.Reminder, model), Ct);
            await writer.TryInsertAsync(db, new OutboxEmail("after", [WardHead]) { Subject = "Thông báo sau", TextBody = "Nội dung" }, Ct);
            // The database refuses the rendered row, as it would a value too long for its column.
            await db.Database.ExecuteSqlRawAsync(provider == nameof(DatabaseProvider.PostgreSql)
                ? "ALTER TABLE \"Outbox\" ADD CONSTRAINT \"CK_Refused\" CHECK (\"Subject\" NOT LIKE '%REFUSED%')"
                : "CREATE TRIGGER refused BEFORE UPDATE ON \"Outbox\" WHEN NEW.\"Subject\" LIKE '%REFUSED%' BEGIN SELECT RAISE(ABORT, 'refused'); END", Ct);
        }

        await h.DispatchAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.DispatchAsync();

        await using var check = h.Db();
        var rows = await check.Outbox.ToDictionaryAsync(m => m.DedupeKey, Ct);
        Assert.Equal((OutboxStatus.Sent, OutboxStatus.Sent), (rows["before"].Status, rows["after"].Status));
        Assert.Single(h.Mailbox.All(), m => m.Subject == "Thông báo trước");
        Assert.Single(h.Mailbox.All(), m => m.Subject == "Thông báo sau");
        Assert.Equal((OutboxStatus.DeadLetter, 1), (rows["refused"].Status, rows["refused"].Attempts));
        Assert.StartsWith("Saving the prepared row failed", rows["refused"].LastError, StringComparison.Ordinal);
        Assert.Equal(2, h.Mailbox.Count);
    }

    [Fact]
    public void Recipients_are_cut_to_whole_addresses_that_fit_the_column()
    {
        var accounts = Enumerable.Range(0, 200).Select(i => $"canbo{i:000}@hoankiem.hanoi.gov.vn").ToList();

        var to = OutboxFields.To([WardHead, .. accounts, WardHead.ToUpperInvariant()]);

        Assert.InRange(to.Length, OutboxMessage.ToMaxLength - 40, OutboxMessage.ToMaxLength);
        Assert.StartsWith(WardHead + ";canbo000@", to, StringComparison.Ordinal);
        Assert.All(to.Split(';'), a => Assert.True(a == WardHead || accounts.Contains(a), a));
    }
}
