using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.SqlServer;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// SQL Server: one prepared insert-where-not-exists reused per row inside the batch transaction (SQL Server has no
/// ON CONFLICT; the NOT EXISTS guard on the unique key makes a re-run batch skip what exists).
/// </summary>
public sealed class SqlServerTaskBulkWriter : ITaskBulkWriter
{
    public Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, ExistingTasks existing, CancellationToken cancellationToken) =>
        PreparedTaskInsert.ExecuteAsync(db, ((SqlServerSql)ProviderSql.For(db)).InsertTaskUnlessExists, "@", tasks, value => value ?? DBNull.Value, cancellationToken);
}
