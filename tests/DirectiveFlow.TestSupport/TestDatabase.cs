using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace DirectiveFlow.TestSupport;

/// <summary>
/// A fresh, migrated database for one test (class): a temp SQLite file, or a new PostgreSQL database on the server
/// named by DIRECTIVEFLOW_TEST_POSTGRES. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DIRECTIVEFLOW_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static bool PostgresAvailable => PostgresConnectionString is not null;

    /// <summary>The providers every persistence test runs on here: SQLite always, PostgreSQL when configured.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql) };
            return data;
        }
    }

    /// <summary>Creates a database for <paramref name="provider"/>, or skips the test (saying why) when PostgreSQL is not configured.</summary>
    public static Task<TestDatabase> CreateAsync(string provider) =>
        Enum.Parse<DatabaseProvider>(provider) switch
        {
            DatabaseProvider.Sqlite => CreateSqliteAsync(),
            DatabaseProvider.PostgreSql => CreatePostgresOrSkipAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Tests run on SQLite and PostgreSQL."),
        };

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "directiveflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")}", folder, null, null);
        await db.MigrateAsync();
        return db;
    }

    public static async Task<TestDatabase> CreatePostgresOrSkipAsync()
    {
        var admin = PostgresConnectionString;
        Assert.SkipWhen(admin is null, $"PostgreSQL not configured: set {PostgresVariable} to run this test on PostgreSQL (.ci/run does).");
        var name = "df_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var db = new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, null, admin, name);
        await db.MigrateAsync();
        return db;
    }

    public DbContextOptions<DirectiveFlowDbContext> Options => DbContextOptionsFactory.Create(Provider, ConnectionString);

    public DirectiveFlowDbContext CreateContext() => new(Options);

    /// <summary>This database as the factory the product's queries take (<see cref="IDbContextFactory{TContext}"/>).</summary>
    public IDbContextFactory<DirectiveFlowDbContext> ContextFactory() => new Factory(this);

    private sealed class Factory(TestDatabase database) : IDbContextFactory<DirectiveFlowDbContext>
    {
        public DirectiveFlowDbContext CreateDbContext() => database.CreateContext();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a pooled connection is left in the temp folder; it harms nothing.
            }
        }

        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }
}
