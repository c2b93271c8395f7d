using System.Diagnostics;
using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Sweep;

/// <summary>
/// The due-work sweep over N due tasks (default 100,000; each gets its level-1 escalation: an outbox row naming the
/// step's shared model, the task's schedule fields, one directive journal entry for the step) against a raw set-based
/// UPDATE … RETURNING of the same rows in the same run, beside one Quartz trigger per task (measured on a smaller N and
/// extrapolated).
/// </summary>
public static class SweepBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var perTask = args.Length > 1 && int.TryParse(args[1], out var q) ? q : 2_000;
        var units = args.Length > 2 && int.TryParse(args[2], out var u) ? Math.Max(1, u) : 1;
        var folder = Path.Combine(Path.GetTempPath(), "directiveflow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await WarmUpAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "warm-up.db")}", units);
            await RunOnAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "sweep.db")}", count, perTask, units);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            var name = "df_bench_" + Guid.NewGuid().ToString("N")[..10];
            await BenchDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            await BenchDatabases.AdminAsync(admin, $"CREATE DATABASE {name}_warm");
            try
            {
                await WarmUpAsync(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name + "_warm" }.ConnectionString, units);
                await RunOnAsync(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, count, perTask, units);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await BenchDatabases.AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                await BenchDatabases.AdminAsync(admin, $"DROP DATABASE IF EXISTS {name}_warm WITH (FORCE)");
            }
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set DIRECTIVEFLOW_TEST_POSTGRES to run it).");
        }
    }

    /// <summary>
    /// Both measured paths once over 1,000 tasks in a database of their own, so the measured runs are the steady state
    /// of a long-running node (code compiled, EF queries cached) rather than the first minute after start.
    /// </summary>
    private static async Task WarmUpAsync(DatabaseProvider provider, string connectionString, int units)
    {
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddHours(-1);
        var options = await PrepareAsync(DbContextOptionsFactory.Create(provider, connectionString), 1_000, due, Math.Min(units, 1_000));
        _ = await RawUpdateAsync(options, now);
        await ResetAsync(options, due);
        await SweepAsync(options, now);
    }

    private static async Task<DbContextOptions<DirectiveFlowDbContext>> PrepareAsync(DbContextOptions<DirectiveFlowDbContext> options, int count, DateTimeOffset due, int units)
    {
        await using var db = new DirectiveFlowDbContext(options);
        await db.Database.MigrateAsync();
        await SeedAsync(db, count, due, units);
        return options;
    }

    private static async Task<SweepResult> SweepAsync(DbContextOptions<DirectiveFlowDbContext> options, DateTimeOffset now)
    {
        var calendar = new WorkingDayCalendar(VietnamHolidays.For(now.Year).Concat(VietnamHolidays.For(now.Year + 1)));
        await using var db = new DirectiveFlowDbContext(options);
        var sweeper = new DueWorkSweeper(db, calendar, new OutboxWriter(TimeProvider.System),
            new SchedulingOptions { SweepPageSize = 1000 }, new OutboxOptions());
        return await sweeper.SweepAsync(now);
    }

    private const int Rounds = 5;

    /// <summary>
    /// <see cref="Rounds"/> alternating rounds of the raw UPDATE and the sweep over the same due rows, the database put
    /// back (and on PostgreSQL vacuumed) after each; medians are reported, since one round on a shared machine can be
    /// far off.
    /// </summary>
    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, int count, int perTask, int units)
    {
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddHours(-1);
        var options = await PrepareAsync(DbContextOptionsFactory.Create(provider, connectionString), count, due, units);
        var raws = new List<TimeSpan>();
        var sweeps = new List<TimeSpan>();
        var ratios = new List<double>();
        SweepResult result = SweepResult.None;
        var outbox = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (raw, rawRows) = await RawUpdateAsync(options, now);
            await ResetAsync(options, due);
            var watch = Stopwatch.StartNew();
            result = await SweepAsync(options, now);
            var sweep = watch.Elapsed;
            await using (var db = new DirectiveFlowDbContext(options))
            {
                outbox = await db.Outbox.CountAsync();
            }

            // The scenario claims N due tasks swept, each with its email: fewer must fail, not look faster.
            if (rawRows != count || result.Tasks != count || outbox != count)
            {
                throw new InvalidOperationException($"Round {round + 1}: the baseline updated {rawRows:N0} rows, the sweep swept {result.Tasks:N0} tasks " +
                    $"and queued {outbox:N0} emails; each should be {count:N0}.");
            }

            await ResetAsync(options, due);
            raws.Add(raw);
            sweeps.Add(sweep);
            ratios.Add(raw.TotalSeconds / sweep.TotalSeconds);
        }

        var rawMedian = raws.Order().ElementAt(Rounds / 2);
        var sweepMedian = sweeps.Order().ElementAt(Rounds / 2);
        var ratio = ratios.Order().ElementAt(Rounds / 2);
        var (scheduledRate, firedRate) = await QuartzPerTaskBaseline.RunAsync(provider, connectionString, perTask);
        Console.WriteLine($"{provider}: sweep over {count:N0} due tasks of {units:N0} unit(s) ({result.Effects:N0} escalations written, {outbox:N0} outbox rows), median of {Rounds} alternating rounds after a warm-up");
        Console.WriteLine($"  raw set-based UPDATE … RETURNING: {rawMedian.TotalMilliseconds:N0} ms ({count / rawMedian.TotalSeconds:N0} rows/s); rounds {Join(raws)}");
        Console.WriteLine($"  DueWorkSweeper (set-based per uniform due group: tasks decided alike): {sweepMedian.TotalMilliseconds:N0} ms ({count / sweepMedian.TotalSeconds:N0} tasks/s); rounds {Join(sweeps)}");
        Console.WriteLine($"  throughput ratio sweep/raw = {ratio:F2} (median of per-round ratios {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; goal ≥ 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");
        Console.WriteLine($"  one Quartz trigger per task, N = {perTask:N0} measured: scheduling {scheduledRate:N0} triggers/s, firing {firedRate:N0} triggers/s");
        Console.WriteLine($"    extrapolated to {count:N0} tasks: {count / scheduledRate:N0} s to schedule + {count / firedRate:N0} s to fire " +
            $"(sweep: {sweepMedian.TotalSeconds:F1} s) — extrapolated linearly from N = {perTask:N0}, not measured at {count:N0}");
    }

    private static string Join(IEnumerable<TimeSpan> times) => string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms"));

    /// <summary>Puts the due rows back as seeded and empties what a sweep writes.</summary>
    private static async Task ResetAsync(DbContextOptions<DirectiveFlowDbContext> options, DateTimeOffset due)
    {
        await using var db = new DirectiveFlowDbContext(options);
        var values = new ProviderValues(db.Database.ProviderName);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await SweepSeed.ExecuteAsync(connection,
            "UPDATE \"Tasks\" SET \"NextActionAt\" = @due, \"ChaseCount\" = 0, \"EscalationLevel\" = 0, \"IsRaised\" = @no",
            ("@due", values.Time(due)), ("@no", false));
        await SweepSeed.ExecuteAsync(connection, "DELETE FROM \"Outbox\"");
        await SweepSeed.ExecuteAsync(connection, "DELETE FROM \"Journal\"");
        if (values.IsPostgres)
        {
            await SweepSeed.ExecuteAsync(connection, "VACUUM ANALYZE");
        }
        else
        {
            await SweepSeed.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>The baseline: how long, and how many rows it updated.</summary>
    private static async Task<(TimeSpan Time, int Rows)> RawUpdateAsync(DbContextOptions<DirectiveFlowDbContext> options, DateTimeOffset now)
    {
        await using var db = new DirectiveFlowDbContext(options);
        var values = new ProviderValues(db.Database.ProviderName);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        var rows = 0;
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
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            await transaction.CommitAsync();
        }

        return (watch.Elapsed, rows);
    }

    /// <summary>The issuer, <paramref name="units"/> wards and one directive; the due tasks spread over the wards in turn.</summary>
    private static async Task SeedAsync(DirectiveFlowDbContext db, int count, DateTimeOffset due, int units)
    {
        var locality = Guid.NewGuid();
        var issuer = new OrgUnit { Id = Guid.NewGuid(), Code = "01-COMMITTEE", Name = "UBND Thành phố Hà Nội", HeadEmail = "chutich@hanoi.gov.vn", LocalityId = locality, LocalityCode = "01" };
        var wards = Enumerable.Range(0, units).Select(i => new OrgUnit
        {
            Id = Guid.NewGuid(), Code = $"{i:00000}-COMMITTEE", Name = $"UBND phường số {i}", HeadEmail = $"chutich{i}@phuong.hanoi.gov.vn",
            ParentId = issuer.Id, LocalityId = locality, LocalityCode = $"{i:00000}",
        }).ToList();
        var directive = new Directive { Id = Guid.NewGuid(), Number = "Kế hoạch số 32/KH-UBND", Title = "Điểm nghẽn", IssuingUnitId = issuer.Id, WorkflowDefinitionId = "bench", InstanceId = Guid.NewGuid() };
        db.Units.Add(issuer);
        db.Units.AddRange(wards);
        db.Directives.Add(directive);
        await db.SaveChangesAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await SweepSeed.InsertDueTasksAsync(connection, new ProviderValues(db.Database.ProviderName), count, directive.Id, directive.InstanceId, wards.Select(w => w.Id).ToList(), issuer.Id, due);
    }
}
