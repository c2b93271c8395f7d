using System.Net;
using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// What travels on the wire: no <c>Server</c> header; forwarded headers from trusted proxies only; in Production HSTS,
/// redirection to HTTPS (not for <c>/health</c> and <c>/metrics</c>, which probes and scrapers call on plain HTTP inside the network) and
/// <c>Secure</c> on every cookie.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        var proxies = services.AddValidatedOptions<ReverseProxyOptions>(configuration, ReverseProxyOptions.Section);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, proxies.ForwardLimit);
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24)."));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((o, environment) =>
            o.Secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"), https => https.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
        return app;
    }
}
