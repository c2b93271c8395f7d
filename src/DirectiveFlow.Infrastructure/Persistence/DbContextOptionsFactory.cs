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
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    public static DbContextOptions<DirectiveFlowDbContext> Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<DirectiveFlowDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
