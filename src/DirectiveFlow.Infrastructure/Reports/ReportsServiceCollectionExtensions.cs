using DirectiveFlow.Infrastructure.Reports.NotReached;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The leadership views' services: the caller's scope and the not-reached reader. Handlers come from Mediator.</summary>
    public static IServiceCollection AddDirectiveFlowReports(this IServiceCollection services)
    {
        services.AddScoped<ReportScopeResolver>();
        services.AddScoped<NotReachedReader>();
        return services;
    }
}
