using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>Configures the context for the chosen provider, with that provider's migrations assembly.</summary>
public static class DbContextOptionsFactory
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "DirectiveFlow.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "DirectiveFlow.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "DirectiveFlow.Migrations.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var assembly = MigrationsAssembly(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly));
                builder.AddInterceptors(SqliteConnectionSetup.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(assembly));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// PostgreSQL plans every statement it is sent unless it was prepared; the engine and the inbox send the same few
    /// statements all day, and planning was a good part of each (a step's joined load, an UPDATE of a table with ten
    /// indexes). Npgsql's automatic preparation keeps the ones used repeatedly prepared on each pooled connection.
    /// On unless the connection string says otherwise (<c>Max Auto Prepare=0</c>, e.g. behind a transaction-mode pooler).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (named)
        {
            return connectionString;
        }

        builder.MaxAutoPrepare = 200;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    public static DbContextOptions<DirectiveFlowDbContext> Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<DirectiveFlowDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
