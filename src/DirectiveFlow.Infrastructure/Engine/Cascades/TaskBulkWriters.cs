using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>Picks the bulk writer for the context's provider.</summary>
public static class TaskBulkWriters
{
    private static readonly ITaskBulkWriter Sqlite = new SqliteTaskBulkWriter();
    private static readonly ITaskBulkWriter Postgres = new PostgresTaskBulkWriter();
    private static readonly ITaskBulkWriter SqlServer = new SqlServerTaskBulkWriter();

    public static ITaskBulkWriter For(DirectiveFlowDbContext db) =>
        TimestampStorage.IsSqlite(db.Database.ProviderName) ? Sqlite
        : TimestampStorage.IsPostgres(db.Database.ProviderName) ? Postgres
        : SqlServer;
}
