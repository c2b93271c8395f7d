using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Tests.Scheduling;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// An SMTP server refusing one recipient at RCPT TO (a mailbox that does not exist) made MailKit fail the whole message:
/// retried, then a dead letter, so the other recipients never got it.
/// </summary>
public sealed class RefusedRecipientTests
{
    private const string Gone = "nghihuu@hoankiem.hanoi.gov.vn";
    private const string Busy = "vanthu@hoankiem.hanoi.gov.vn";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recipient_refused_for_good_does_not_keep_the_email_from_the_others_and_is_named_on_the_row(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using var server = await RefusingSmtpServer.StartAsync([Gone]);
        await QueueAsync(h, [WardHead, Gone]);

        var result = await DispatchAsync(h, server);

        Assert.Equal((1, 1, 0), (result.Claimed, result.Sent, result.Failed));
        Assert.Equal([WardHead], Assert.Single(server.Received));
        await using var db = h.Db();
        var row = await db.Outbox.SingleAsync(Ct);
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.StartsWith($"Recipients refused: {Gone} (550 ", row.LastError, StringComparison.Ordinal);
        Assert.Equal([Gone], RefusedRecipients.AddressesIn(row.LastError));
        // Sent: not tried again, so the head does not get it twice.
        Assert.Equal(0, (await DispatchAsync(h, server)).Claimed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_email_every_recipient_refuses_still_fails_and_names_them(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using var server = await RefusingSmtpServer.StartAsync([Gone, WardHead]);
        await QueueAsync(h, [WardHead, Gone]);

        var result = await DispatchAsync(h, server);

        Assert.Equal((1, 0, 1), (result.Claimed, result.Sent, result.Failed));
        Assert.Empty(server.Received);
        await using var db = h.Db();
        var row = await db.Outbox.SingleAsync(Ct);
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Equal([WardHead, Gone], RefusedRecipients.AddressesIn(row.LastError));
        Assert.Equal(DeliveryErrorKind.RecipientRefused, DeliveryErrors.KindOf(row.LastError));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recipient_refused_for_now_fails_the_email_so_that_a_retry_reaches_everyone_once(string provider)
    {
        await using var h = await CreateAsync(provider);
        await QueueAsync(h, [WardHead, Busy]);
        await using (var busy = await RefusingSmtpServer.StartAsync([], [Busy]))
        {
            var result = await DispatchAsync(h, busy);

            Assert.Equal((1, 0, 1), (result.Claimed, result.Sent, result.Failed));
            Assert.Empty(busy.Received);
            await using var db = h.Db();
            Assert.Contains("mailbox busy", (await db.Outbox.SingleAsync(Ct)).LastError, StringComparison.Ordinal);
        }

        await using var server = await RefusingSmtpServer.StartAsync([]);
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await DispatchAsync(h, server)).Sent);
        Assert.Equal([WardHead, Busy], Assert.Single(server.Received));
    }

    private static async Task QueueAsync(SchedulingHarness h, string[] to)
    {
        await using var db = h.Db();
        await new OutboxWriter(h.Clock).TryInsertAsync(db, new OutboxEmail("note", to) { Subject = "Thông báo", TextBody = "Nội dung" }, Ct);
    }

    private static async Task<DispatchResult> DispatchAsync(SchedulingHarness h, RefusingSmtpServer server)
    {
        await using var db = h.Db();
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = h.Smtp.From };
        return await h.Dispatcher(db, smtp).DispatchAsync(Ct);
    }
}
