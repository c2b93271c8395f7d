namespace DirectiveFlow.Web.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>The studio's services: the door to the definitions store and the organisation lookups.</summary>
    public static IServiceCollection AddDirectiveFlowStudio(this IServiceCollection services)
    {
        services.AddSingleton<IStudioDefinitions, StudioDefinitions>();
        services.AddScoped<StudioOrganisation>();
        services.AddScoped<InstanceFlowQuery>();
        return services;
    }
}
