using System.Diagnostics;
using System.Globalization;
using DirectiveFlow.Benchmarks.Inbox;
using DirectiveFlow.Benchmarks.Product;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Startup;

/// <summary>
/// Start-up on a large backlog against start-up on an empty database: the product (the Release build of
/// DirectiveFlow.Web, as its own process, production settings, Quartz on) is started on a database holding the national
/// list and about N open tasks (default 1,000,000, scheduled ahead: the sweep has caught up), and on a copy taken
/// before the tasks were written, alternating; the time from process start to the first healthy <c>/health</c> is
/// measured. Reports medians and their ratio (the architecture: "1M open tasks ≈ empty database"; goal ≤ 1.2).
/// </summary>
public static class StartupBenchmark
{
    private const double Goal = 1.2;
    private const int Rounds = 5;

    public static async Task RunAsync(string[] args)
    {
        var open = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var app = await ProductProcess.BuildAsync();
        await BenchDatabases.ForEachAsync("startup", (provider, connectionString) => RunOnAsync(provider, connectionString, open, app));
    }

    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, int open, string app)
    {
        var now = TimeProvider.System.GetUtcNow();
        (string ConnectionString, Func<Task> Drop)? empty = null;
        try
        {
            await using (var root = BenchDatabases.Services(provider, connectionString))
            await using (var db = root.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                await db.Database.MigrateAsync();
                await using (var scope = root.CreateAsyncScope())
                {
                    var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                        .ImportAsync(BenchDatabases.OfficialList(OfficialLists.Vietnam2025));
                    if (!import.Succeeded)
                    {
                        throw new InvalidOperationException("The national list did not import.");
                    }
                }

                empty = await CopyAsync(provider, connectionString);
                var watch = Stopwatch.StartNew();
                // The seed leaves about 55 % of its tasks open (the rest completed or cancelled).
                await InboxSeed.InsertAsync(db, (int)Math.Ceiling(open / 0.55), now);
                await db.Tasks.Where(t => t.Status != Core.Tasks.UnitTaskStatus.Completed && t.Status != Core.Tasks.UnitTaskStatus.Cancelled)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextActionAt, now.AddDays(1)));
                var openCount = await db.Tasks.CountAsync(t => t.NextActionAt != null);
                if (openCount < open)
                {
                    // The scenario claims a backlog: a seed that quietly writes fewer open tasks must fail, not look faster.
                    throw new InvalidOperationException($"The backlog holds {openCount:N0} open tasks, fewer than the {open:N0} asked for.");
                }

                Console.WriteLine($"{provider}: {openCount:N0} open tasks ({await db.Tasks.CountAsync():N0} in all) over {await db.Units.CountAsync():N0} units, seeded in {watch.Elapsed.TotalSeconds:F0} s");
            }

            if (provider == DatabaseProvider.PostgreSql)
            {
                // Both with fresh statistics, as a node's database would have.
                foreach (var database in new[] { connectionString, empty.Value.ConnectionString })
                {
                    await using var connection = new NpgsqlConnection(database);
                    await connection.OpenAsync();
                    await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
                    await analyze.ExecuteNonQueryAsync();
                }
            }

            ClearPools();
            var onEmpty = new List<TimeSpan>();
            var onBacklog = new List<TimeSpan>();
            // A first start of each warms the disk cache and the runtime's own files; it is not counted. Then the two
            // alternate, each going first in every other round.
            await StartAsync(app, provider, empty.Value.ConnectionString);
            await StartAsync(app, provider, connectionString);
            for (var round = 0; round < Rounds; round++)
            {
                if (round % 2 == 0)
                {
                    onEmpty.Add(await StartAsync(app, provider, empty.Value.ConnectionString));
                    onBacklog.Add(await StartAsync(app, provider, connectionString));
                }
                else
                {
                    onBacklog.Add(await StartAsync(app, provider, connectionString));
                    onEmpty.Add(await StartAsync(app, provider, empty.Value.ConnectionString));
                }
            }

            var emptyMedian = onEmpty.Order().ElementAt(Rounds / 2);
            var backlogMedian = onBacklog.Order().ElementAt(Rounds / 2);
            var ratio = backlogMedian / emptyMedian;
            Console.WriteLine($"  start to healthy, empty database (units only): {emptyMedian.TotalMilliseconds:N0} ms; rounds {Join(onEmpty)}");
            Console.WriteLine($"  start to healthy, with the backlog:            {backlogMedian.TotalMilliseconds:N0} ms; rounds {Join(onBacklog)}");
            Console.WriteLine($"  ratio backlog/empty = {ratio.ToString("F2", CultureInfo.InvariantCulture)} (goal ≤ {Goal.ToString("F1", CultureInfo.InvariantCulture)}: {(ratio <= Goal ? "met" : "NOT met")})");
        }
        finally
        {
            ClearPools();
            if (empty is { } copy)
            {
                await copy.Drop();
            }
        }
    }

    /// <summary>A copy of the database as it is now: a second SQLite file, or a PostgreSQL database made from it as a template.</summary>
    private static async Task<(string ConnectionString, Func<Task> Drop)> CopyAsync(DatabaseProvider provider, string connectionString)
    {
        ClearPools();
        if (provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var copy = Path.Combine(Path.GetDirectoryName(source)!, "empty.db");
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"VACUUM INTO '{copy}'";
                await command.ExecuteNonQueryAsync();
            }

            return ($"Data Source={copy}", () => Task.CompletedTask);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database + "_empty";
        var admin = Environment.GetEnvironmentVariable("DIRECTIVEFLOW_TEST_POSTGRES")!;
        await BenchDatabases.AdminAsync(admin, $"CREATE DATABASE {name} TEMPLATE {builder.Database}");
        builder.Database = name;
        return (builder.ConnectionString, () => BenchDatabases.AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    /// <summary>Starts the product on the database and answers how long until <c>/health</c> says Healthy; then stops it.</summary>
    private static async Task<TimeSpan> StartAsync(string app, DatabaseProvider provider, string connectionString)
    {
        // An outside SMTP server (never reached: nothing is due) keeps the embedded catcher and its port out.
        await using var product = await ProductProcess.StartAsync(app, provider, connectionString,
            new Dictionary<string, string> { ["Smtp__Host"] = "smtp.invalid" });
        return product.TimeToHealthy;
    }

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static string Join(IEnumerable<TimeSpan> times) =>
        string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms"));
}
