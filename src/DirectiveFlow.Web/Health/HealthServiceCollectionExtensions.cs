using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>The checks behind <c>/health</c>: the database, and whether mail has somewhere to go.</summary>
    public static IServiceCollection AddDirectiveFlowHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDirectiveFlowDatabaseCheck("database")
            .AddCheck<MailDeliveryHealthCheck>("email");
        services.Configure<HealthCheckOptions>(o => o.ResponseWriter = HealthReportWriter.WriteAsync);
        return services;
    }
}
