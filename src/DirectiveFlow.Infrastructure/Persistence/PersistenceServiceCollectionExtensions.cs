using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the DbContext on the provider named by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddDirectiveFlowPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        var connectionString = options.ResolveConnectionString();
        services.AddSingleton(options);
        services.AddDbContext<DirectiveFlowDbContext>(b => DbContextOptionsFactory.Configure(b, options.Provider, connectionString));
        services.AddDbContextFactory<DirectiveFlowDbContext>(
            b => DbContextOptionsFactory.Configure(b, options.Provider, connectionString), ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>
    /// Applies pending migrations when <c>Database:MigrateOnStart</c> is on; then, once the database is at the model's
    /// migration (migrated here or by an operator's script), the data a migration could not compute
    /// (<see cref="SearchKeys"/>).
    /// </summary>
    public static async Task MigrateDirectiveFlowDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return; // left to the operator, who runs the migrations before this version serves
        }

        await SearchKeys.FillAsync(db, cancellationToken);
    }
}
