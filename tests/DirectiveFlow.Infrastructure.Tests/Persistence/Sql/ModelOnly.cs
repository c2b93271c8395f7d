using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Tests.Persistence.Sql;

/// <summary>A context of each provider that only builds its model: the connection string names no server and none is opened.</summary>
internal static class ModelOnly
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    public static DirectiveFlowDbContext Context(DatabaseProvider provider) => new(DbContextOptionsFactory.Create(provider, provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=unused.db",
        DatabaseProvider.PostgreSql => "Host=unused;Database=unused",
        _ => "Server=unused;Database=unused",
    }));
}
