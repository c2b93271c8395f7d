using System.Data.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// One INSERT command with a parameter per Tasks column, prepared once on the context's connection and transaction
/// and executed per row: the raw path of the SQLite and SQL Server bulk writers.
/// </summary>
public static class PreparedTaskInsert
{
    /// <summary>
    /// Executes <paramref name="sql"/> once per task; <paramref name="toProvider"/> turns a column value into what the
    /// provider stores. Answers the tasks written (a row the statement skipped affects none).
    /// </summary>
    public static async Task<IReadOnlyList<UnitTask>> ExecuteAsync(
        DirectiveFlowDbContext db, string sql, string prefix, IEnumerable<UnitTask> tasks, Func<object?, object> toProvider, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var parameters = new DbParameter[TaskColumns.All.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = prefix + "p" + i;
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var written = new List<UnitTask>(tasks.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var task in tasks)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = toProvider(TaskColumns.All[i].Value(task));
            }

            // Synchronous on purpose: SQLite runs synchronously anyway, and a task per row costs more than the row.
            if (command.ExecuteNonQuery() != 0)
            {
                written.Add(task);
            }
        }

        return written;
    }
}
