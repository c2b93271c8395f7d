using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Tests.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// Regression for issue 14 §7: a batch claimed by a dispatcher on a node that died waited out the whole 5-minute claim
/// lease before another node sent it. Dispatchers here are dispatchers on their own contexts, as on two nodes.
/// </summary>
public sealed class OutboxLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_claimed_by_a_dead_dispatcher_goes_out_from_another_a_minute_later_exactly_once(string provider)
    {
        await using var h = await ThreeDueEmailsAsync(provider);
        Assert.Equal(TimeSpan.FromMinutes(1), h.Outbox.ClaimLease);
        await using (var dead = h.Db())
        {
            // Claimed, never sent: the node died.
            Assert.Equal(3, (await ClaimAsync(h, dead)).Messages.Count);
        }

        h.Clock.Advance(TimeSpan.FromSeconds(59));
        var tooEarly = await h.DispatchAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var survivor = await h.DispatchAsync();
        var again = await h.DispatchAsync();

        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal((3, 3), (survivor.Claimed, survivor.Sent));
        Assert.Equal(0, again.Claimed);
        await AssertSentOnceAsync(h, h.Mailbox);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_slow_batch_renews_its_lease_so_no_other_dispatcher_sends_its_rows(string provider)
    {
        await using var h = await ThreeDueEmailsAsync(provider);
        var slowMailbox = new CaughtMailbox();
        DispatchResult? meanwhile = null;
        // Each send takes 40 seconds; during the second, 80 seconds after the claim, another node's dispatcher runs.
        await using var slowServer = new EmbeddedSmtpCatcher(slowMailbox, new ClockOnReceive(h.Clock, slowMailbox, received =>
        {
            h.Clock.Advance(TimeSpan.FromSeconds(40));
            if (received == 2)
            {
                meanwhile = h.DispatchAsync().GetAwaiter().GetResult();
            }
        }));
        await slowServer.StartAsync(Ct);

        DispatchResult slow;
        await using (var db = h.Db())
        {
            slow = await h.Dispatcher(db, new SmtpOptions { Host = "127.0.0.1", Port = slowServer.Port, From = h.Smtp.From }).DispatchAsync(Ct);
        }

        Assert.Equal((3, 3), (slow.Claimed, slow.Sent));
        Assert.Equal(0, meanwhile?.Claimed);
        Assert.Equal(0, h.Mailbox.Count);
        await AssertSentOnceAsync(h, slowMailbox);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_whose_lease_ran_out_and_was_taken_keeps_none_of_its_rows(string provider)
    {
        await using var h = await ThreeDueEmailsAsync(provider);
        await using var stalled = h.Db();
        var first = await ClaimAsync(h, stalled);
        h.Clock.Advance(TimeSpan.FromSeconds(61));
        await using var other = h.Db();
        var second = await ClaimAsync(h, other);

        Assert.Equal(3, second.Messages.Count);
        foreach (var message in first.Messages)
        {
            Assert.False(await first.KeepAsync(message, Ct));
            Assert.Equal(EntityState.Detached, stalled.Entry(message).State);
        }

        Assert.True(await second.KeepAsync(second.Messages[0], Ct));
    }

    /// <summary>Three tasks whose reminders (well past due) the sweep has put in the outbox.</summary>
    private static async Task<SchedulingHarness> ThreeDueEmailsAsync(string provider)
    {
        var h = await CreateAsync(provider);
        await h.AddTaskAsync(5, "Rà soát hồ sơ đất đai");
        await h.AddTaskAsync(5, "Báo cáo tiến độ dự án Vành đai 1");
        await h.AddTaskAsync(5, "Cải tạo Hồ Tây");
        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(3, (await h.SweepAsync()).Effects);
        return h;
    }

    private static Task<OutboxClaim> ClaimAsync(SchedulingHarness h, DirectiveFlowDbContext db) =>
        OutboxClaim.TakeAsync(db, h.Outbox, new WallClock(h.Clock), h.Clock.GetUtcNow(), Ct);

    private static async Task AssertSentOnceAsync(SchedulingHarness h, CaughtMailbox mailbox)
    {
        Assert.Equal(3, mailbox.Count);
        Assert.Equal(3, mailbox.All().Select(m => m.Subject).Distinct().Count());
        await using var db = h.Db();
        Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.Equal((OutboxStatus.Sent, 1, (DateTimeOffset?)null), (m.Status, m.Attempts, m.LeaseUntil)));
    }
}
