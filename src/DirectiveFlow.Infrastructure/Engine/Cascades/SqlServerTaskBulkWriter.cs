using System.Data.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// SQL Server: one prepared insert-where-not-exists reused per row inside the batch transaction (SQL Server has no
/// ON CONFLICT; the NOT EXISTS guard on the unique key makes a re-run batch skip what exists).
/// </summary>
public sealed class SqlServerTaskBulkWriter : ITaskBulkWriter
{
    private static readonly string Sql =
        $"INSERT INTO [Tasks] ({TaskColumns.List('[', ']')}) SELECT {string.Join(", ", TaskColumns.All.Select((_, i) => "@p" + i))} " +
        "WHERE NOT EXISTS (SELECT 1 FROM [Tasks] WHERE [InstanceId] = @p2 AND [ActivityId] = @p3 AND [UnitId] = @p6)";

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
            parameters[i].ParameterName = "@p" + i;
            command.Parameters.Add(parameters[i]);
        }

        foreach (var task in tasks)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = TaskColumns.All[i].Value(task) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
