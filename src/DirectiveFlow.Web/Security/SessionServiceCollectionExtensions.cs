using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Web.Security;

public static class SessionServiceCollectionExtensions
{
    /// <summary>
    /// Sessions that end when they should: authentication on real time (<see cref="WallClock"/>: the application's clock is the movable demo clock in
    /// demo mode, and a token stamped a day ahead is refused by every validator running on real time), the security stamp
    /// checked on every cookie, token and studio circuit event, sign-out ending the account's sessions, and the demo
    /// password refused in Production.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SessionOptions>(configuration, SessionOptions.Section);
        services.AddMemoryCache();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<DemoPasswordGuard>();
        services.AddHostedService<DemoPasswordAudit>();
        services.AddScoped<UserManager<AppUser>, StampTrackingUserManager>();
        services.AddScoped<SignInManager<AppUser>, GuardedSignInManager>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionCircuitHandler>());

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredService<WallClock>());
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredService<WallClock>());
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.TimeProvider = sp.GetRequiredService<WallClock>();
            o.ValidationInterval = TimeSpan.FromMinutes(1);
        });
        return services;
    }
}
