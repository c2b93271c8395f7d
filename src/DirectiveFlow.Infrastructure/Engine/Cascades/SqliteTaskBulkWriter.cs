using System.Data.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>SQLite: one prepared <c>INSERT OR IGNORE</c> reused for every row inside the batch transaction.</summary>
public sealed class SqliteTaskBulkWriter : ITaskBulkWriter
{
    private static readonly string Sql =
        $"INSERT OR IGNORE INTO \"Tasks\" ({TaskColumns.List()}) VALUES ({string.Join(", ", TaskColumns.All.Select((_, i) => "$p" + i))})";

    public async Task InsertAsync(DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Sql;
        var parameters = new DbParameter[TaskColumns.All.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i;
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var provider = db.Database.ProviderName;
        foreach (var task in tasks)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToSqlite(TaskColumns.All[i].Value(task), provider);
            }

            // SQLite runs synchronously anyway; the async wrapper costs a task per row for nothing.
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The value as EF's SQLite mapping stores it: GUIDs as upper-case text, instants as UTC ticks.</summary>
    public static object ToSqlite(object? value, string? providerName) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTimeOffset d => TimestampStorage.ToProviderValue(d, providerName),
        bool b => b ? 1L : 0L,
        _ => value,
    };
}
