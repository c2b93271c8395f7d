using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DirectiveFlow.Benchmarks;

/// <summary>Where a scenario runs: a SQLite file in a temporary folder, then a throwaway PostgreSQL database when configured.</summary>
internal static class BenchDatabases
{
    /// <summary>
    /// Runs <paramref name="run"/> on a fresh SQLite database, then on a fresh PostgreSQL database when
    /// DIRECTIVEFLOW_TEST_POSTGRES holds an admin connection string; both are removed afterwards.
    /// </summary>
    public static async Task ForEachAsync(string name, Func<DatabaseProvider, string, Task> run)
    {
        var folder = Path.Combine(Path.GetTempPath(), "directiveflow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await run(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, name + ".db")}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_TEST_POSTGRES") is not { Length: > 0 } admin)
        {
            Console.WriteLine("PostgreSQL: skipped (set DIRECTIVEFLOW_TEST_POSTGRES to run it).");
            return;
        }

        var database = $"df_bench_{name}_{Guid.NewGuid().ToString("N")[..8]}";
        await AdminAsync(admin, $"CREATE DATABASE {database}");
        try
        {
            await run(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>The product's services below the web layer on one database (cascades written inline, not in the background).</summary>
    public static ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Engine:BackgroundCascades"] = "false",
        }).AddEnvironmentVariables("DIRECTIVEFLOW_BENCH_").Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddDirectiveFlowInfrastructure(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A built-in official list (data/reference, compiled into the product): <c>hanoi-2025</c> or <c>vn-2025</c>.</summary>
    public static byte[] OfficialList(string name) => OfficialLists.Read(name);
}
