using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// SQLite: one prepared <c>INSERT OR IGNORE</c> reused for every row inside the batch transaction, whatever
/// <see cref="ExistingTasks"/> says: the skip costs nothing measurable here.
/// </summary>
public sealed class SqliteTaskBulkWriter : ITaskBulkWriter
{
    public Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, ExistingTasks existing, CancellationToken cancellationToken)
    {
        // Looked up once: DatabaseFacade.ProviderName resolves a service per call, which per value was half the cascade's time.
        var provider = db.Database.ProviderName;
        return PreparedTaskInsert.ExecuteAsync(db, ((SqliteSql)ProviderSql.For(db)).InsertTaskOrIgnore, "$", tasks, value => ToSqlite(value, provider), cancellationToken);
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
