using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings: WAL lets readers run beside the one writer, a busy timeout makes a second writer
/// wait instead of failing, and foreign keys are enforced. SQLite's built-in lower()/upper() fold ASCII only, so
/// "Đảng ủy" would never match "đảng ủy"; they are replaced by .NET's Unicode case mapping.
/// The settings belong to the native connection, which the pool hands out again and again: they are applied once per
/// native connection, not on every open. The functions are registered on every open: Microsoft.Data.Sqlite removes a
/// connection's functions when it goes back to the pool (which also drops the built-in lower/upper they replaced).
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();


    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsPrepared(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
        }

        RegisterFunctions(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsPrepared(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        RegisterFunctions(connection);
    }

    /// <summary>
    /// A read-only connection (EF Core opens one to ask whether the database exists) cannot switch a database that is
    /// not yet in WAL mode — a new file, or one restored from a backup — and must not try: it would fail the start-up.
    /// The first read-write connection switches it.
    /// </summary>
    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? SqliteSql.ReadOnlyConnectionPragmas
            : SqliteSql.ConnectionPragmas;

    /// <summary>True when this native connection was set up before.</summary>
    private static bool IsPrepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Prepared.TryGetValue(handle, out _);

    /// <summary>Registers the functions, then remembers the native connection's settings as applied.</summary>
    private static void RegisterFunctions(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
            if (sqlite.Handle is { } handle)
            {
                Prepared.AddOrUpdate(handle, true);
            }
        }
    }
}
