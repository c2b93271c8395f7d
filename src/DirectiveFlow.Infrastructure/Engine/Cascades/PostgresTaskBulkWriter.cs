using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// PostgreSQL: binary COPY. Rows known to be new go straight into Tasks; otherwise they are copied into a temporary
/// table and moved with <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so a re-run batch skips what exists.
/// </summary>
public sealed class PostgresTaskBulkWriter : ITaskBulkWriter
{
    private const string Stage = "df_task_stage";

    public async Task InsertAsync(DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = TaskColumns.List();
        if (knownNew)
        {
            await CopyAsync(connection, "\"Tasks\"", columns, tasks, cancellationToken);
            return;
        }

        await ExecuteAsync(connection, $"CREATE TEMP TABLE {Stage} (LIKE \"Tasks\") ON COMMIT DROP", cancellationToken);
        await CopyAsync(connection, Stage, columns, tasks, cancellationToken);
        await ExecuteAsync(connection, $"INSERT INTO \"Tasks\" ({columns}) SELECT {columns} FROM {Stage} ON CONFLICT DO NOTHING; DROP TABLE {Stage}", cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string columns, IReadOnlyList<UnitTask> tasks, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
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
