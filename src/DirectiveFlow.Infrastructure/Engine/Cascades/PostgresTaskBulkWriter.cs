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
    public async Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = (PostgreSqlSql)ProviderSql.For(db);
        if (knownNew)
        {
            await CopyAsync(connection, sql.CopyIntoTasks, tasks, cancellationToken);
            return tasks;
        }

        await ExecuteAsync(connection, sql.CreateTaskStage, cancellationToken);
        await CopyAsync(connection, sql.CopyIntoTaskStage, tasks, cancellationToken);
        await ExecuteAsync(connection, sql.MoveStagedTasks, cancellationToken);
        // A skipped row's id was never stored: the ids found are the rows written.
        var ids = tasks.Select(t => t.Id).ToList();
        var stored = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        return tasks.Where(t => stored.Contains(t.Id)).ToList();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<UnitTask> tasks, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        // Rows go into Npgsql's buffer; the synchronous writers avoid a task per value and only block when it flushes.
        foreach (var task in tasks)
        {
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
