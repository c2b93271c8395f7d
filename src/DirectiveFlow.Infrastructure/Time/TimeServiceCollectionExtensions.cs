using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Time;

public static class TimeServiceCollectionExtensions
{
    /// <summary>
    /// The two clocks, each registered once: <see cref="WallClock"/> (real time: sign-in, leases, Quartz's timers) and
    /// THE application <see cref="TimeProvider"/> (deadlines, sweeps, reports) — real time, or in demo mode the
    /// movable demo clock shared through the database.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowTime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WallClock.Default);
        if (ValidatedOptions.Read<DemoOptions>(configuration, DemoOptions.Section).Enabled)
        {
            services.AddSingleton<DemoTimeProvider>();
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoTimeProvider>());
            services.AddHostedService<DemoClockRefresher>();
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        return services;
    }
}
