using System.Reflection;
using DirectiveFlow.Core.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Infrastructure.Engine;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// The activity types: every <see cref="IActivityHandler"/> of Core (and of <paramref name="more"/>), each once, and the
    /// <see cref="ActivityCatalog"/> over all handlers registered — a handler added with <see cref="AddActivity{T}"/>
    /// joins the walker, the validator and the studio without touching them. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowActivities(this IServiceCollection services, params Assembly[] more)
    {
        foreach (var type in more.Prepend(typeof(IActivityHandler).Assembly).Distinct().SelectMany(ActivityCatalog.HandlerTypesIn))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IActivityHandler), type));
        }

        services.TryAddSingleton(sp => new ActivityCatalog(sp.GetServices<IActivityHandler>()));
        return services;
    }

    /// <summary>Registers one more activity type, <typeparamref name="T"/>.</summary>
    public static IServiceCollection AddActivity<T>(this IServiceCollection services)
        where T : class, IActivityHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityHandler, T>());
        return services;
    }
}
