using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// PostgreSQL: binary COPY. Rows known to be new go straight into Tasks; otherwise they are copied into a temporary
/// table and moved with <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so a re-run batch skips what exists. Rows that
/// are new unless the flow's nested cascades overlap go straight in under a savepoint, and through the temporary table
/// when a duplicate key rolls that back.
/// </summary>
public sealed class PostgresTaskBulkWriter : ITaskBulkWriter
{
    private const string Savepoint = "df_task_rows";

    public async Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, ExistingTasks existing, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = (PostgreSqlSql)ProviderSql.For(db);
        var copied = new List<UnitTask>(tasks.TryGetNonEnumeratedCount(out var count) ? count : 0);
        if (existing == ExistingTasks.None)
        {
            await CopyAsync(connection, sql.CopyIntoTasks, tasks, copied, cancellationToken);
            return copied;
        }

        if (existing == ExistingTasks.Unlikely && db.Database.CurrentTransaction is not null)
        {
            // One round trip for the savepoint instead of a query for the rows that exist: the shipped flows never
            // overlap, so the check below runs only for a flow whose nested cascades do.
            using var source = tasks.GetEnumerator();
            await ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", cancellationToken);
            try
            {
                await CopyAsync(connection, sql.CopyIntoTasks, Remaining(source), copied, cancellationToken);
                return copied;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", cancellationToken);
                // The rows made so far, and any the failed COPY had not asked for yet.
                tasks = copied.Concat(Remaining(source)).ToList();
                copied = new List<UnitTask>(copied.Count);
            }
        }

        await ExecuteAsync(connection, sql.CreateTaskStage, cancellationToken);
        await CopyAsync(connection, sql.CopyIntoTaskStage, tasks, copied, cancellationToken);
        await ExecuteAsync(connection, sql.MoveStagedTasks, cancellationToken);
        // A skipped row's id was never stored: the ids found are the rows written.
        var ids = copied.Select(t => t.Id).ToList();
        var stored = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        return copied.Where(t => stored.Contains(t.Id)).ToList();
    }

    private static IEnumerable<UnitTask> Remaining(IEnumerator<UnitTask> source)
    {
        while (source.MoveNext())
        {
            yield return source.Current;
        }
    }

    /// <summary>COPYs the tasks, each added to <paramref name="copied"/> as it goes.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IEnumerable<UnitTask> tasks, List<UnitTask> copied, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        // Rows go into Npgsql's buffer; the synchronous writers avoid a task per value and only block when it flushes.
        // Each buffer sent is taken by the server while the next rows are made (when the caller makes them lazily).
        foreach (var task in tasks)
        {
            copied.Add(task);
            importer.StartRow();
            foreach (var column in TaskColumns.All)
            {
                var value = column.Value(task);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value is DateTimeOffset d ? d.ToUniversalTime() : value, column.PostgresType);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
