using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// SQL Server: one prepared insert-where-not-exists reused per row inside the batch transaction (SQL Server has no
/// ON CONFLICT; the NOT EXISTS guard on the unique key makes a re-run batch skip what exists).
/// </summary>
public sealed class SqlServerTaskBulkWriter : ITaskBulkWriter
{
    private static readonly string Sql =
        $"INSERT INTO [Tasks] ({TaskColumns.List('[', ']')}) SELECT {PreparedTaskInsert.Placeholders("@")} " +
        "WHERE NOT EXISTS (SELECT 1 FROM [Tasks] WHERE [InstanceId] = @p2 AND [ActivityId] = @p3 AND [UnitId] = @p6)";

    public Task InsertAsync(DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken) =>
        PreparedTaskInsert.ExecuteAsync(db, Sql, "@", tasks, value => value ?? DBNull.Value, cancellationToken);
}
