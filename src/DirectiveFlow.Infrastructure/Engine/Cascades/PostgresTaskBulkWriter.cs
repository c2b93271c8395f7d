using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// PostgreSQL: binary COPY. Rows known to be new go straight into Tasks; otherwise they are copied into a temporary
/// table and moved with <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so a re-run batch skips what exists.
/// </summary>
public sealed class PostgresTaskBulkWriter : ITaskBulkWriter
{
    public async Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = (PostgreSqlSql)ProviderSql.For(db);
        var copied = new List<UnitTask>(tasks.TryGetNonEnumeratedCount(out var count) ? count : 0);
        if (knownNew)
        {
            await CopyAsync(connection, sql.CopyIntoTasks, tasks, copied, cancellationToken);
            return copied;
        }

        await ExecuteAsync(connection, sql.CreateTaskStage, cancellationToken);
        await CopyAsync(connection, sql.CopyIntoTaskStage, tasks, copied, cancellationToken);
        await ExecuteAsync(connection, sql.MoveStagedTasks, cancellationToken);
        // A skipped row's id was never stored: the ids found are the rows written.
        var ids = copied.Select(t => t.Id).ToList();
        var stored = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        return copied.Where(t => stored.Contains(t.Id)).ToList();
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
