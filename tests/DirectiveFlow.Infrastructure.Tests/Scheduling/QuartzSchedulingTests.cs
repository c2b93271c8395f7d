using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Jobs;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

public sealed class QuartzSchedulingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quartz_provisions_its_schema_on_the_products_database_and_keeps_four_recurring_triggers(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using (await QuartzNode.StartAsync(h.Database, h, clustered: false, cron: "0 0 3 * * ?"))
        {
        }

        // A restart finds the schema and the triggers already there.
        await using (await QuartzNode.StartAsync(h.Database, h, clustered: false, cron: "0 0 3 * * ?"))
        {
        }

        await using var db = h.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT COUNT(*) FROM qrtz_triggers"));
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT COUNT(*) FROM qrtz_cron_triggers"));
    }

    [Fact]
    public async Task Two_clustered_schedulers_on_one_PostgreSQL_database_send_each_email_once()
    {
        await using var h = await CreateAsync("PostgreSql");
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Cải tạo Hồ Tây");
        h.MoveTo(Local(2026, 3, 16, 17, 30));

        await using (var a = await QuartzNode.StartAsync(h.Database, h, clustered: true))
        await using (var b = await QuartzNode.StartAsync(h.Database, h, clustered: true))
        {
            var deadline = DateTime.UtcNow.AddSeconds(40);
            while (h.Mailbox.Count < 4 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, Ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            await using var state = h.Db();
            var connection = state.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM qrtz_scheduler_state"));
        }

        // The ward's head gets each task's escalation; the superior's head and the issuer one digest each of both tasks.
        Assert.Equal(4, h.Mailbox.Count);
        Assert.Equal(4, h.Mailbox.All().Select(m => (m.Subject, string.Join(",", m.To))).Distinct().Count());
        Assert.Equal(2, h.Mailbox.All().Count(m => m.Subject.StartsWith("[Tổng hợp quá hạn] 2 nhiệm vụ", StringComparison.Ordinal)));
        await using var db = h.Db();
        var rows = await db.Outbox.ToListAsync(Ct);
        Assert.Equal(8, rows.Count);
        var digests = rows.Where(m => m.DedupeKey.StartsWith("escalation-digest:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, digests.Count);
        Assert.All(rows.Where(m => m.Status != OutboxStatus.Digested), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(4, rows.Count(m => m.Status == OutboxStatus.Digested && digests.Any(d => d.Id == m.DigestId)));
    }

    /// <summary>
    /// Regression for issue 14 §2: Quartz ran on the demo clock, so advancing it on one node pushed the shared triggers
    /// 30 days ahead (the other node fired no sweep) and the nodes' check-ins 30 days apart (each took the other for dead).
    /// </summary>
    [Fact]
    public async Task After_a_demo_clock_advance_on_one_node_both_clustered_schedulers_keep_firing_on_real_time()
    {
        await using var h = await CreateAsync("PostgreSql", TimeProvider.System.GetUtcNow());
        await h.AddTaskAsync(5);
        await h.AddTaskAsync(5, "Cải tạo Hồ Tây");
        await using var a = await QuartzNode.StartAsync(h.Database, h, clustered: true, demo: true);
        await using var b = await QuartzNode.StartAsync(h.Database, h, clustered: true, demo: true);
        var (schedulerA, schedulerB) = (await SchedulerAsync(a), await SchedulerAsync(b));

        await a.Services.GetRequiredService<DemoTimeProvider>().AdvanceAsync(TimeSpan.FromDays(30), Ct);
        // Either node may hold the shared triggers (the cluster gives them to whichever acquires first), so "fired after
        // the advance" counts both; each node's own firing is checked below, with the other set aside.
        var firedBefore = await JobsExecutedAsync(schedulerA) + await JobsExecutedAsync(schedulerB);
        var clockB = b.Services.GetRequiredService<DemoTimeProvider>();
        await Poll.UntilAsync(async () => Escalated() && clockB.Offset == TimeSpan.FromDays(30)
            && await JobsExecutedAsync(schedulerA) + await JobsExecutedAsync(schedulerB) > firedBefore);

        // The jobs compute with the demo clock (the tasks are long overdue: their escalations go out), and B's clock has
        // followed A's within its refresh.
        Assert.True(Escalated(), string.Join(" | ", h.Mailbox.All().Select(m => m.Subject)));
        Assert.Equal(TimeSpan.FromDays(30), clockB.Offset);
        Assert.True(await JobsExecutedAsync(schedulerA) + await JobsExecutedAsync(schedulerB) > firedBefore, "no node fired a job after the advance");
        // The busy node takes every trigger while it can; with A aside, B fires the same shared triggers at once (on
        // the demo clock they were a month ahead). B's scheduler is woken rather than left to its idle wait of up to
        // 30 seconds. Then the same with B aside: A fires on real time too.
        await schedulerA.Standby(Ct);
        var firedB = await JobsExecutedAsync(schedulerB);
        await schedulerB.Standby(Ct);
        await schedulerB.Start(Ct);
        await Poll.UntilAsync(async () => await JobsExecutedAsync(schedulerB) > firedB);
        Assert.True(await JobsExecutedAsync(schedulerB) > firedB, "node B fired no job after the advance");
        await schedulerB.Standby(Ct);
        var firedA = await JobsExecutedAsync(schedulerA);
        await schedulerA.Start(Ct);
        await Poll.UntilAsync(async () => await JobsExecutedAsync(schedulerA) > firedA);
        Assert.True(await JobsExecutedAsync(schedulerA) > firedA, "node A fired no job after the advance");
        await schedulerB.Start(Ct);

        // Past a cluster check-in neither has taken the other for dead, and the triggers keep real time.
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        await using var db = h.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var realNow = TimeProvider.System.GetUtcNow();
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM qrtz_scheduler_state"));
        string[] instants =
        [
            "SELECT MIN(last_checkin_time) FROM qrtz_scheduler_state", "SELECT MAX(last_checkin_time) FROM qrtz_scheduler_state",
            $"SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = '{DueWorkSweepJob.Key.Name}-trigger'",
        ];
        foreach (var sql in instants)
        {
            var instant = new DateTimeOffset(await ScalarAsync(connection, sql), TimeSpan.Zero);
            Assert.True((instant - realNow).Duration() < TimeSpan.FromMinutes(1), $"{sql}: {instant:O}, real time {realNow:O}");
        }

        bool Escalated() => h.Mailbox.All().Any(m => m.Subject.StartsWith("[Quá hạn]", StringComparison.Ordinal));
    }

    private static async Task<IScheduler> SchedulerAsync(QuartzNode node) =>
        await node.Services.GetRequiredKeyedService<ISchedulerFactory>(QuartzSetup.SchedulerName).GetScheduler(Ct);

    private static async Task<int> JobsExecutedAsync(IScheduler scheduler) => (await scheduler.GetMetadata(Ct)).JobsExecuted;

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
