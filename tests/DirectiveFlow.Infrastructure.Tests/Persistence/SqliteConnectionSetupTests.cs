using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Persistence;

/// <summary>
/// The settings are applied once per native connection and the Unicode lower/upper on every open: a connection the
/// pool hands out again must still wait for a writer, sync normally and fold Vietnamese case.
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task A_pooled_connection_opened_again_keeps_its_settings_and_Unicode_case_functions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateSqliteAsync();
        for (var open = 0; open < 3; open++)
        {
            await using var context = db.CreateContext();
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync(ct);
            Assert.Equal("10000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal("1", await ScalarAsync(connection, "PRAGMA synchronous")); // NORMAL
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal("đảng ủy phường hoàn kiếm", await ScalarAsync(connection, "SELECT lower('ĐẢNG ỦY PHƯỜNG HOÀN KIẾM')"));
            Assert.Equal("ĐẢNG ỦY", await ScalarAsync(connection, "SELECT upper('đảng ủy')"));
            await context.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_database_not_yet_in_WAL_mode_such_as_a_restored_backup_is_migrated_and_switched_to_WAL()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("directiveflow-restored-");
        var file = Path.Combine(folder.FullName, "restored.db");
        try
        {
            // What a backup (VACUUM INTO, .backup) restores: a database in the default rollback-journal mode. EF Core asks
            // whether it exists on a read-only connection, which cannot switch it to WAL.
            await using (var plain = new SqliteConnection($"Data Source={file}"))
            {
                await plain.OpenAsync(ct);
                Assert.Equal("delete", await ScalarAsync(plain, "CREATE TABLE \"Restored\" (x); PRAGMA journal_mode"));
            }

            SqliteConnection.ClearAllPools();
            await using (var context = new DirectiveFlowDbContext(DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, $"Data Source={file}")))
            {
                await context.Database.MigrateAsync(ct);
                Assert.Equal(0, await context.Tasks.CountAsync(ct));
                var connection = context.Database.GetDbConnection();
                await context.Database.OpenConnectionAsync(ct);
                Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
