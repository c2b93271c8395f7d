using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Organisation.Units;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Organisation;

public static class OrganisationServiceCollectionExtensions
{
    public static IServiceCollection AddDirectiveFlowOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OrganisationOptions>(configuration, OrganisationOptions.Section);
        services.AddScoped<OrganisationImporter>();
        services.AddScoped<UnitDirectory>();
        services.AddScoped<SubUnitEditor>();
        return services;
    }
}
