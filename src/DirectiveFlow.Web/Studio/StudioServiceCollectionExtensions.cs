using DirectiveFlow.Web.Studio.Editing;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>The studio's services: the door to the definitions store, the organisation lookups, and the palette and
    /// ports read from the registered activity types.</summary>
    public static IServiceCollection AddDirectiveFlowStudio(this IServiceCollection services)
    {
        services.AddSingleton<IStudioDefinitions, StudioDefinitions>();
        services.AddScoped<StudioOrganisation>();
        services.AddScoped<InstanceFlowQuery>();
        services.AddSingleton<ActivityPalette>();
        services.AddSingleton<IActivityPorts, CatalogActivityPorts>();
        return services;
    }
}
