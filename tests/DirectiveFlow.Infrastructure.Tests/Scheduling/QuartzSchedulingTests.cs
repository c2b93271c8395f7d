using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
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
            while (h.Mailbox.Count < 6 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, Ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            await using var state = h.Db();
            var connection = state.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM qrtz_scheduler_state"));
        }

        Assert.Equal(6, h.Mailbox.Count);
        Assert.Equal(6, h.Mailbox.All().Select(m => (m.Subject, string.Join(",", m.To))).Distinct().Count());
        await using var db = h.Db();
        var rows = await db.Outbox.ToListAsync(Ct);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
