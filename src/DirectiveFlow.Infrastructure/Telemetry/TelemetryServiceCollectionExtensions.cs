using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The "Monitoring" options and the database-read gauges (<see cref="TelemetryGauges"/>).</summary>
    public static MonitoringOptions AddDirectiveFlowTelemetryGauges(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddValidatedOptions<MonitoringOptions>(configuration, MonitoringOptions.Section);
        services.AddSingleton<TelemetryGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryGauges>());
        return options;
    }
}
