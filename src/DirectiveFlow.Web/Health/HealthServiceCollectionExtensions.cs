using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// The checks behind <c>/health</c>: the database, the scheduler (running, last sweep), the outbox's lag, and
    /// whether mail has somewhere to go and its server answers, and whether this year and next have their Tết holidays.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<SmtpProbe>();
        services.AddHealthChecks()
            .AddDirectiveFlowDatabaseCheck("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<OutboxLagHealthCheck>("outbox")
            .AddCheck<MailDeliveryHealthCheck>("email")
            .AddCheck<CalendarTetHealthCheck>(CalendarTetHealthCheck.Name);
        services.Configure<HealthCheckOptions>(o => o.ResponseWriter = HealthReportWriter.WriteAsync);
        return services;
    }

    /// <summary>
    /// <c>/health</c>: every check (200 Healthy or Degraded, 503 Unhealthy), one line per check not healthy;
    /// <c>/health/live</c>: the process answers, no check (a liveness probe that a slow database does not fail).
    /// </summary>
    public static WebApplication MapDirectiveFlowHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
