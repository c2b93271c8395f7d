using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Organisation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Demo;

public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDirectiveFlowDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DemoOptions>(configuration, DemoOptions.Section);
        services.AddScoped<DemoAccountProvisioner>();
        services.AddScoped<IUnitAccountProvisioner>(sp => sp.GetRequiredService<DemoAccountProvisioner>());
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>Seeds the demo organisation on first start and tops up missing demo logins; nothing unless demo mode is on.</summary>
    public static async Task SeedDirectiveFlowDemoAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
    }
}
