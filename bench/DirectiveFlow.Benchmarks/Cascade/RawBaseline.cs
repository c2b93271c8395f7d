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
/// SQLite: one prepared INSERT reused per row; PostgreSQL: binary COPY — in the transactions given: one for every row,
/// or, for a flow whose steps commit one by one, one per step (<see cref="RawStep"/>).
/// </summary>
public static class RawBaseline
{
    public static TimeSpan Sqlite(string connectionString, IReadOnlyList<UnitTask> rows, RawNotices? notices = null) =>
        Sqlite(connectionString, [new RawStep(null, rows)], notices);

    public static TimeSpan Postgres(string connectionString, IReadOnlyList<UnitTask> rows, RawNotices? notices = null) =>
        Postgres(connectionString, [new RawStep(null, rows)], notices);

    /// <summary>
    /// The steps' rows by one prepared INSERT reused per row; with <paramref name="notices"/>, each step also writes one
    /// shared model and a notice row per task (a prepared INSERT too).
    /// </summary>
    public static TimeSpan Sqlite(string connectionString, IReadOnlyList<RawStep> steps, RawNotices? notices = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"Tasks\" ({Columns(DatabaseProvider.Sqlite, connectionString)}) VALUES ({TaskColumns.Placeholders("$")})";
        var parameters = TaskColumns.All.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        using var complete = connection.CreateCommand();
        complete.CommandText = CompleteSql("$");
        var completeParameters = new[] { complete.Parameters.Add(new SqliteParameter("$id", null)), complete.Parameters.Add(new SqliteParameter("$at", null)) };
        foreach (var step in steps)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = complete.Transaction = transaction;
            if (step.Completes is { } completed)
            {
                completeParameters[0].Value = SqliteTaskBulkWriter.ToSqlite(completed, "Microsoft.EntityFrameworkCore.Sqlite");
                completeParameters[1].Value = SqliteTaskBulkWriter.ToSqlite(DateTimeOffset.UtcNow, "Microsoft.EntityFrameworkCore.Sqlite");
                Completed(complete.ExecuteNonQuery());
            }

            command.Prepare();
            foreach (var row in step.Rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = SqliteTaskBulkWriter.ToSqlite(TaskColumns.All[i].Value(row), "Microsoft.EntityFrameworkCore.Sqlite");
                }

                command.ExecuteNonQuery();
            }

            if (notices is not null)
            {
                SqliteNotices(connection, transaction, notices, step.Rows);
            }

            transaction.Commit();
        }

        return watch.Elapsed;
    }

    /// <summary>The steps' rows by binary COPY; with <paramref name="notices"/>, each step also writes one shared model and COPYs a notice row per task.</summary>
    public static TimeSpan Postgres(string connectionString, IReadOnlyList<RawStep> steps, RawNotices? notices = null)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var columns = Columns(DatabaseProvider.PostgreSql, connectionString);
        var watch = Stopwatch.StartNew();
        foreach (var step in steps)
        {
            // One COPY alone commits by itself; a step that also completes its task or writes notices wraps them in a transaction.
            using var transaction = step.Completes is null && notices is null ? null : connection.BeginTransaction();
            if (step.Completes is { } completed)
            {
                using var complete = new NpgsqlCommand(CompleteSql("@"), connection, transaction);
                complete.Parameters.AddWithValue("id", completed);
                complete.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
                Completed(complete.ExecuteNonQuery());
            }

            using (var importer = connection.BeginBinaryImport($"COPY \"Tasks\" ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in step.Rows)
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

            if (notices is not null)
            {
                PostgresNotices(connection, transaction, notices, step.Rows);
            }

            transaction?.Commit();
        }

        return watch.Elapsed;
    }

    /// <summary>The notices' columns: a small row naming its shared model, addressed and completed at dispatch.</summary>
    private const string NoticeColumns =
        "\"DedupeKey\", \"To\", \"Subject\", \"HtmlBody\", \"TextBody\", \"Template\", \"ModelId\", \"TaskId\", \"DirectiveId\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\"";

    private static string InsertModel(string prefix) =>
        $"INSERT INTO \"OutboxModels\" (\"Json\", \"RecipientRole\", \"CreatedAt\") VALUES ({prefix}json, 'unit', {prefix}now) RETURNING \"Id\"";

    private static void SqliteNotices(SqliteConnection connection, SqliteTransaction transaction, RawNotices notices, IReadOnlyList<UnitTask> rows)
    {
        const string Provider = "Microsoft.EntityFrameworkCore.Sqlite";
        var now = SqliteTaskBulkWriter.ToSqlite(DateTimeOffset.UtcNow, Provider);
        using var model = new SqliteCommand(InsertModel("$"), connection, transaction);
        model.Parameters.AddWithValue("$json", notices.ModelJson);
        model.Parameters.AddWithValue("$now", now);
        var modelId = (long)model.ExecuteScalar()!;
        using var insert = new SqliteCommand(
            $"INSERT INTO \"Outbox\" ({NoticeColumns}) VALUES ($key, '', '', '', '', 'assigned', $model, $task, $directive, 'Pending', 0, $now, $now)",
            connection, transaction);
        var key = insert.Parameters.Add(new SqliteParameter("$key", null));
        var task = insert.Parameters.Add(new SqliteParameter("$task", null));
        insert.Parameters.AddWithValue("$model", modelId);
        insert.Parameters.AddWithValue("$directive", SqliteTaskBulkWriter.ToSqlite(notices.DirectiveId, Provider));
        insert.Parameters.AddWithValue("$now", now);
        insert.Prepare();
        foreach (var row in rows)
        {
            key.Value = "assigned:lead:" + row.ConcurrencyStamp;
            task.Value = SqliteTaskBulkWriter.ToSqlite(row.Id, Provider);
            insert.ExecuteNonQuery();
        }
    }

    private static void PostgresNotices(NpgsqlConnection connection, NpgsqlTransaction? transaction, RawNotices notices, IReadOnlyList<UnitTask> rows)
    {
        var now = DateTimeOffset.UtcNow;
        using var model = new NpgsqlCommand(InsertModel("@"), connection, transaction);
        model.Parameters.AddWithValue("json", notices.ModelJson);
        model.Parameters.AddWithValue("now", now);
        var modelId = (long)model.ExecuteScalar()!;
        using var importer = connection.BeginBinaryImport($"COPY \"Outbox\" ({NoticeColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write("assigned:lead:" + row.ConcurrencyStamp, NpgsqlTypes.NpgsqlDbType.Text);
            for (var i = 0; i < 4; i++)
            {
                importer.Write("", NpgsqlTypes.NpgsqlDbType.Text);
            }

            importer.Write("assigned", NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(modelId, NpgsqlTypes.NpgsqlDbType.Bigint);
            importer.Write(row.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
            importer.Write(notices.DirectiveId, NpgsqlTypes.NpgsqlDbType.Uuid);
            importer.Write("Pending", NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(0, NpgsqlTypes.NpgsqlDbType.Integer);
            importer.Write(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            importer.Write(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
        }

        importer.Complete();
    }

    /// <summary>The task a step completes, as the engine's guarded completion does (status, time, stamp).</summary>
    private static string CompleteSql(string prefix) =>
        $"UPDATE \"Tasks\" SET \"Status\" = 'Completed', \"CompletedAt\" = {prefix}at, \"NextActionAt\" = NULL, " +
        $"\"ConcurrencyStamp\" = \"ConcurrencyStamp\" + 1 WHERE \"Id\" = {prefix}id AND \"Status\" <> 'Completed'";

    private static void Completed(int rows)
    {
        if (rows != 1)
        {
            throw new InvalidOperationException($"The raw baseline completed {rows} tasks in a step, not 1.");
        }
    }

    /// <summary>The Tasks columns as the product's model maps them, in <see cref="TaskColumns"/> order (no connection is opened).</summary>
    private static string Columns(DatabaseProvider provider, string connectionString)
    {
        using var db = new DirectiveFlowDbContext(DbContextOptionsFactory.Create(provider, connectionString));
        return SqlNames.Of(db).Tasks.Columns(TaskColumns.Properties);
    }
}

/// <summary>
/// What a raw baseline writes beside the tasks when it is to include the assignment notices: per step one shared model
/// (<paramref name="ModelJson"/>, the engine's own for the directive) and a small outbox row per task naming it.
/// </summary>
public sealed record RawNotices(string ModelJson, Guid DirectiveId);

/// <summary>One transaction of a raw baseline: it completes <see cref="Completes"/> (a task written by an earlier step), then writes <see cref="Rows"/>.</summary>
public sealed record RawStep(Guid? Completes, IReadOnlyList<UnitTask> Rows);
