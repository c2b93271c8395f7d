using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Organisation.Units;
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
    /// Applies pending migrations when <c>Database:MigrateOnStart</c> is on, then the data a migration could not compute
    /// (<see cref="UnitSearchKeys"/>).
    /// </summary>
    public static async Task MigrateDirectiveFlowDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStart)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await UnitSearchKeys.FillAsync(db, cancellationToken);
    }
}
