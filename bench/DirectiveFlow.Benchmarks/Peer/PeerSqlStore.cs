using System.Data.Common;
using DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using WorkflowCore.Models;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>The database kinds WorkflowCore is run on here: the same two as ours.</summary>
internal enum PeerDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where <see cref="SqlPersistenceProvider"/> keeps WorkflowCore's state: connections opened the way our product opens
/// them (SQLite: WAL, synchronous=NORMAL, a busy timeout — <see cref="SqliteSql.ConnectionPragmas"/>; PostgreSQL:
/// Npgsql's pool, default durability), and the tables with the indexes WorkflowCore's queries need. The shape follows
/// WorkflowCore's own EF Core provider: an instance row with its data serialized, its execution pointers as rows of
/// their own, event subscriptions, events, execution errors and scheduled commands, each found through an index.
/// </summary>
internal sealed class PeerSqlStore(PeerDatabase kind, string connectionString)
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS peer_wf_instance (
            instance_id TEXT NOT NULL PRIMARY KEY, definition_id TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NULL,
            reference TEXT NULL, next_execution BIGINT NULL, status INTEGER NOT NULL, data TEXT NULL, create_time BIGINT NOT NULL,
            complete_time BIGINT NULL);
        CREATE INDEX IF NOT EXISTS ix_peer_wf_instance_next ON peer_wf_instance (next_execution) WHERE next_execution IS NOT NULL;
        CREATE TABLE IF NOT EXISTS peer_wf_pointer (
            instance_id TEXT NOT NULL, pointer_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (instance_id, pointer_id));
        CREATE TABLE IF NOT EXISTS peer_wf_subscription (
            subscription_id TEXT NOT NULL PRIMARY KEY, workflow_id TEXT NOT NULL, step_id INTEGER NOT NULL, pointer_id TEXT NULL,
            event_name TEXT NOT NULL, event_key TEXT NULL, subscribe_as_of BIGINT NOT NULL, subscription_data TEXT NULL,
            external_token TEXT NULL, external_worker_id TEXT NULL, external_token_expiry BIGINT NULL);
        CREATE INDEX IF NOT EXISTS ix_peer_wf_subscription_event ON peer_wf_subscription (event_name, event_key);
        CREATE TABLE IF NOT EXISTS peer_wf_event (
            event_id TEXT NOT NULL PRIMARY KEY, event_name TEXT NOT NULL, event_key TEXT NULL, event_data TEXT NULL,
            event_time BIGINT NOT NULL, is_processed INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_peer_wf_event_key ON peer_wf_event (event_name, event_key, event_time);
        CREATE INDEX IF NOT EXISTS ix_peer_wf_event_unprocessed ON peer_wf_event (event_time) WHERE is_processed = 0;
        CREATE TABLE IF NOT EXISTS peer_wf_command (
            command_name TEXT NOT NULL, data TEXT NOT NULL, execute_time BIGINT NOT NULL, PRIMARY KEY (command_name, data));
        CREATE INDEX IF NOT EXISTS ix_peer_wf_command_time ON peer_wf_command (execute_time);
        """;

    private const string SqliteErrors = """
        CREATE TABLE IF NOT EXISTS peer_wf_error (
            error_id INTEGER PRIMARY KEY AUTOINCREMENT, workflow_id TEXT NOT NULL, pointer_id TEXT NULL, error_time BIGINT NOT NULL, message TEXT NULL);
        """;

    private const string PostgreSqlErrors = """
        CREATE TABLE IF NOT EXISTS peer_wf_error (
            error_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, workflow_id TEXT NOT NULL, pointer_id TEXT NULL, error_time BIGINT NOT NULL, message TEXT NULL);
        """;

    private const string Clear = """
        DELETE FROM peer_wf_pointer; DELETE FROM peer_wf_instance; DELETE FROM peer_wf_subscription; DELETE FROM peer_wf_event;
        DELETE FROM peer_wf_error; DELETE FROM peer_wf_command;
        """;

    public PeerDatabase Kind => kind;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = kind == PeerDatabase.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (kind == PeerDatabase.Sqlite)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteSql.ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>Creates the tables when missing (WorkflowCore's EnsureStoreExists).</summary>
    public void EnsureCreated() => Execute(Tables + (kind == PeerDatabase.Sqlite ? SqliteErrors : PostgreSqlErrors));

    /// <summary>Empties the tables: each run starts from an empty store.</summary>
    public void Reset() => Execute(Clear);

    /// <summary>What the store holds: instances, those complete, open subscriptions, processed events, scheduled commands.</summary>
    public async Task<(int Instances, int Completed, int Subscriptions, int ProcessedEvents, int Commands)> TallyAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM peer_wf_instance), (SELECT COUNT(*) FROM peer_wf_instance WHERE status = {(int)WorkflowStatus.Complete}),
                   (SELECT COUNT(*) FROM peer_wf_subscription), (SELECT COUNT(*) FROM peer_wf_event WHERE is_processed = 1), (SELECT COUNT(*) FROM peer_wf_command)
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)), Convert.ToInt32(reader.GetValue(3)),
            Convert.ToInt32(reader.GetValue(4)));
    }

    private void Execute(string sql)
    {
        using var connection = OpenAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
