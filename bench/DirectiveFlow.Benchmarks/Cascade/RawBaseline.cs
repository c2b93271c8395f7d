using System.Diagnostics;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// The raw baselines: the same rows (same columns, same Tasks table and indexes) written the fastest plain way —
/// SQLite: one transaction, one prepared INSERT reused per row; PostgreSQL: one binary COPY.
/// </summary>
public static class RawBaseline
{
    public static TimeSpan Sqlite(string connectionString, IReadOnlyList<UnitTask> rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"Tasks\" ({Columns(DatabaseProvider.Sqlite, connectionString)}) VALUES ({TaskColumns.Placeholders("$")})";
        var parameters = TaskColumns.All.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = SqliteTaskBulkWriter.ToSqlite(TaskColumns.All[i].Value(row), "Microsoft.EntityFrameworkCore.Sqlite");
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return watch.Elapsed;
    }

    public static TimeSpan Postgres(string connectionString, IReadOnlyList<UnitTask> rows)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var watch = Stopwatch.StartNew();
        using (var importer = connection.BeginBinaryImport($"COPY \"Tasks\" ({Columns(DatabaseProvider.PostgreSql, connectionString)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                foreach (var column in TaskColumns.All)
                {
                    var value = column.Value(row);
                    if (value is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(value is DateTimeOffset d ? TimestampStorage.ToProviderValue(d, "Npgsql") : value, column.PostgresType);
                    }
                }
            }

            importer.Complete();
        }

        return watch.Elapsed;
    }

    /// <summary>The Tasks columns as the product's model maps them, in <see cref="TaskColumns"/> order (no connection is opened).</summary>
    private static string Columns(DatabaseProvider provider, string connectionString)
    {
        using var db = new DirectiveFlowDbContext(DbContextOptionsFactory.Create(provider, connectionString));
        return SqlNames.Of(db).Tasks.Columns(TaskColumns.Properties);
    }
}
