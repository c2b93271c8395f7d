using DirectiveFlow.Infrastructure.Demo;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

public static class SecurityApplicationExtensions
{
    /// <summary>
    /// Transport (forwarded headers, HSTS, HTTPS, secure cookies), the headers of every response, the demo's pages
    /// gone in Production, sign-in rate limits, then authentication, the API's refusal of cookie-only changes, and
    /// authorization.
    /// </summary>
    public static WebApplication UseDirectiveFlowSecurity(this WebApplication app)
    {
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseNotInProductionGate();
        app.UseSignInRateLimiter();
        app.UseAuthentication();
        app.UseCookieApiGuard();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Once the server listens, tells whoever ran <c>dotnet run</c> where to go and how to sign in.</summary>
    public static WebApplication AnnounceDemoLogins(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled)
        {
            return app;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = Hosting.ListeningAddress.Refresh(app);
            app.Logger.LogWarning(
                """
                DirectiveFlow demo mode — open {Url}/login
                  Mật khẩu / password for every demo account: {Password}
                  admin (Administrator) · observer (Observer)
                  per unit: officer = unit code, e.g. 00070-PARTY; head = code + ".head", e.g. 00070-PARTY.head
                  city issuers: 01-PARTY, 01-COUNCIL, 01-COMMITTEE, 01-FRONT (and their .head)
                """,
                url.TrimEnd('/'), demo.Password);
        });
        return app;
    }
}
