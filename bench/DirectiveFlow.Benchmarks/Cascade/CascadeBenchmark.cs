using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// Imports the national list and cascades at two scales in one run, on SQLite and then PostgreSQL when configured,
/// each against a raw insert of the same task rows measured in the same run: Hà Nội (one Thành ủy directive to the
/// city's 504 commune-level pillar units, <see cref="HanoiCascade"/>) and national (Chính phủ's directive through the
/// shipped national flow to every province and, through their plans, every commune, <see cref="NationalCascade"/>).
/// Each scale checks the number of tasks and assignment notices it wrote against the imported data and stops on a shortfall.
/// </summary>
public static class CascadeBenchmark
{
    /// <summary>DIRECTIVEFLOW_BENCH_KEEP=1 keeps the databases (to look at plans afterwards).</summary>
    private static readonly bool Keep = Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_KEEP") == "1";

    /// <summary>Three rounds, or DIRECTIVEFLOW_BENCH_ROUNDS.</summary>
    public static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 3;

    public static async Task RunAsync(string[] args)
    {
        var csv = BenchDatabases.OfficialList(OfficialLists.Vietnam2025);
        // DIRECTIVEFLOW_BENCH_ONLY=Sqlite or PostgreSql runs one database (both by default).
        var only = Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_ONLY");
        if (only is null or "" or nameof(DatabaseProvider.Sqlite))
        {
            var folder = Path.Combine(Path.GetTempPath(), "directiveflow-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                await RunOnAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", csv, "prepared INSERT, one transaction", 2.0);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (Keep)
                {
                    Console.WriteLine($"SQLite database {folder}/bench.db kept (DIRECTIVEFLOW_BENCH_KEEP=1): delete it when done.");
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        if (only is nameof(DatabaseProvider.Sqlite))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            var name = "df_bench_" + Guid.NewGuid().ToString("N")[..10];
            await BenchDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
                await RunOnAsync(DatabaseProvider.PostgreSql, cs, csv, "binary COPY", 1.5);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (Keep)
                {
                    Console.WriteLine($"PostgreSQL database {name} kept (DIRECTIVEFLOW_BENCH_KEEP=1): drop it when done.");
                }
                else
                {
                    await BenchDatabases.AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                }
            }
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set DIRECTIVEFLOW_TEST_POSTGRES to run it).");
        }
    }

    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, byte[] csv, string baselineName, double goal)
    {
        await using var services = BenchDatabases.Services(provider, connectionString);
        await using (var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(csv);
                if (!import.Succeeded)
                {
                    throw new InvalidOperationException("The national list did not import.");
                }
            }

            Console.WriteLine($"{provider}: imported {await db.Units.CountAsync():N0} units with the product's OrganisationImporter in {watch.Elapsed.TotalSeconds:F1} s");
            foreach (var levels in new[] { "province", "commune" })
            {
                Publish(db, BenchmarkFlow.Json(levels));
            }

            Publish(db, await File.ReadAllTextAsync(NationalCascade.ShippedFlowPath()));
            await db.SaveChangesAsync();
        }

        var run = new ScaleRun(provider, connectionString, services, baselineName, goal);
        await HanoiCascade.RunAsync(run);
        await NationalCascade.RunAsync(run);
    }

    private static void Publish(DirectiveFlowDbContext db, string json)
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(json);
        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
        {
            Id = Guid.NewGuid(), DefinitionId = definition.Id, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true, Json = json,
        });
    }

    internal static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static async Task<Guid> UnitIdAsync(IServiceProvider services, string code)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The rows the engine wrote, re-keyed for a second instance, so the baseline writes exactly the same columns and values.</summary>
    internal static async Task<List<Core.Tasks.UnitTask>> BaselineRowsAsync(IServiceProvider services, Guid instanceId)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        var rows = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync();
        var baselineInstance = Guid.NewGuid();
        foreach (var row in rows)
        {
            row.Id = Guid.CreateVersion7();
            row.InstanceId = baselineInstance;
        }

        return rows;
    }

    /// <summary>The assignment notices the directive's cascades wrote (one per task: neither flow names a supporting unit).</summary>
    /// <summary>The directive's assignment notices in the outbox; none may be left unexpanded (<see cref="ExpandNoticesAsync"/> comes first).</summary>
    internal static async Task<int> NoticesAsync(IServiceProvider services, Guid directiveId)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        if (await db.OutboxModels.AnyAsync(m => m.NoticeCount > 0))
        {
            throw new InvalidOperationException("Notices are left unexpanded: the scale check counts outbox rows.");
        }

        return await db.Outbox.CountAsync(m => m.DirectiveId == directiveId && m.Template == "assigned");
    }

    /// <summary>
    /// What a dispatch does first: the notices a cascade left on its shared models made outbox rows
    /// (<see cref="NoticeExpansion"/>), every list. Not part of the engine's time (it runs on the dispatcher's schedule, not
    /// in the cascade's transactions); timed and printed beside it.
    /// </summary>
    internal static async Task<TimeSpan> ExpandNoticesAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await NoticeExpansion.ExpandAsync(db, DateTimeOffset.UtcNow, CancellationToken.None)).Lists > 0)
        {
        }

        return watch.Elapsed;
    }

    internal static async Task<IssueDirectiveResult> IssueAsync(IServiceProvider services, Guid issuer, string flow, string number)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueDirectiveCommand(
            number, "Triển khai toàn quốc", "", DirectivePriority.Urgent, issuer, flow, [], "bench", Caller.System));
    }

    /// <summary>Fails the run when a round wrote fewer (or more) rows than the scale it claims.</summary>
    internal static void CheckScale(string scale, int tasks, int notices, int expected)
    {
        if (tasks != expected || notices != expected)
        {
            // The scenario claims a scale: a cascade that quietly reaches fewer units must fail, not look faster.
            throw new InvalidOperationException($"{scale}: the cascade wrote {tasks:N0} tasks and {notices:N0} assignment notices, not {expected:N0} of each.");
        }
    }
}
