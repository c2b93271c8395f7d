using System.Diagnostics;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Sweep;

/// <summary>
/// The due-work sweep over N due tasks (default 100,000; each gets its level-1 escalation: outbox row, journal entry,
/// task fields) against a raw set-based UPDATE … RETURNING of the same rows in the same run, beside one Quartz
/// trigger per task (measured on a smaller N and extrapolated).
/// </summary>
public static class SweepBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var perTask = args.Length > 1 && int.TryParse(args[1], out var q) ? q : 2_000;
        var folder = Path.Combine(Path.GetTempPath(), "directiveflow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunOnAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "sweep.db")}", count, perTask);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            var name = "df_bench_" + Guid.NewGuid().ToString("N")[..10];
            await AdminAsync(admin, $"CREATE DATABASE {name}");
            try
            {
                await RunOnAsync(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, count, perTask);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set DIRECTIVEFLOW_TEST_POSTGRES to run it).");
        }
    }

    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, int count, int perTask)
    {
        var options = DbContextOptionsFactory.Create(provider, connectionString);
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddHours(-1);
        await using (var db = new DirectiveFlowDbContext(options))
        {
            await db.Database.MigrateAsync();
            await SeedAsync(db, count, due);
        }

        var raw = await RawUpdateAsync(options, due, now);
        var calendar = new WorkingDayCalendar(VietnamHolidays.For(now.Year).Concat(VietnamHolidays.For(now.Year + 1)));
        var watch = Stopwatch.StartNew();
        SweepResult result;
        await using (var db = new DirectiveFlowDbContext(options))
        {
            var sweeper = new DueWorkSweeper(db, calendar, new OutboxWriter(TimeProvider.System),
                new SchedulingOptions { SweepPageSize = 1000 }, new OutboxOptions());
            result = await sweeper.SweepAsync(now);
        }

        var sweep = watch.Elapsed;
        int outbox;
        await using (var db = new DirectiveFlowDbContext(options))
        {
            outbox = await db.Outbox.CountAsync();
        }

        var (scheduledRate, firedRate) = await QuartzPerTaskBaseline.RunAsync(provider, connectionString, perTask);
        var ratio = raw.TotalSeconds / sweep.TotalSeconds;
        Console.WriteLine($"{provider}: sweep over {count:N0} due tasks ({result.Effects:N0} escalations written, {outbox:N0} outbox rows)");
        Console.WriteLine($"  raw set-based UPDATE … RETURNING: {raw.TotalMilliseconds:N0} ms ({count / raw.TotalSeconds:N0} rows/s)");
        Console.WriteLine($"  DueWorkSweeper (pages of 1,000, one transaction each): {sweep.TotalMilliseconds:N0} ms ({count / sweep.TotalSeconds:N0} tasks/s)");
        Console.WriteLine($"  throughput ratio sweep/raw = {ratio:F2} (goal ≥ 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");
        Console.WriteLine($"  one Quartz trigger per task, N = {perTask:N0} measured: scheduling {scheduledRate:N0} triggers/s, firing {firedRate:N0} triggers/s");
        Console.WriteLine($"    extrapolated to {count:N0} tasks: {count / scheduledRate:N0} s to schedule + {count / firedRate:N0} s to fire " +
            $"(sweep: {sweep.TotalSeconds:F1} s) — extrapolated linearly from N = {perTask:N0}, not measured at {count:N0}");
    }

    private static async Task<TimeSpan> RawUpdateAsync(DbContextOptions<DirectiveFlowDbContext> options, DateTimeOffset due, DateTimeOffset now)
    {
        await using var db = new DirectiveFlowDbContext(options);
        var values = new ProviderValues(db.Database.ProviderName);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 600;
            command.CommandText = "UPDATE \"Tasks\" SET \"NextActionAt\" = NULL, \"ChaseCount\" = \"ChaseCount\" + 1, \"EscalationLevel\" = 1 " +
                "WHERE \"NextActionAt\" <= @now RETURNING \"Id\", \"DueAt\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@now";
            parameter.Value = values.Time(now);
            command.Parameters.Add(parameter);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            await transaction.CommitAsync();
        }

        var elapsed = watch.Elapsed;
        await SweepSeed.ExecuteAsync(connection, "UPDATE \"Tasks\" SET \"NextActionAt\" = @due, \"ChaseCount\" = 0, \"EscalationLevel\" = 0", ("@due", values.Time(due)));
        return elapsed;
    }

    private static async Task SeedAsync(DirectiveFlowDbContext db, int count, DateTimeOffset due)
    {
        var locality = Guid.NewGuid();
        var issuer = new OrgUnit { Id = Guid.NewGuid(), Code = "01-COMMITTEE", Name = "UBND Thành phố Hà Nội", HeadEmail = "chutich@hanoi.gov.vn", LocalityId = locality, LocalityCode = "01" };
        var ward = new OrgUnit { Id = Guid.NewGuid(), Code = "00070-COMMITTEE", Name = "UBND phường Hoàn Kiếm", HeadEmail = "chutich@hoankiem.hanoi.gov.vn", ParentId = issuer.Id, LocalityId = locality, LocalityCode = "00070" };
        var directive = new Directive { Id = Guid.NewGuid(), Number = "Kế hoạch số 32/KH-UBND", Title = "Điểm nghẽn", IssuingUnitId = issuer.Id, WorkflowDefinitionId = "bench", InstanceId = Guid.NewGuid() };
        db.Units.AddRange(issuer, ward);
        db.Directives.Add(directive);
        await db.SaveChangesAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await SweepSeed.InsertDueTasksAsync(connection, new ProviderValues(db.Database.ProviderName), count, directive.Id, directive.InstanceId, ward.Id, issuer.Id, due);
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
