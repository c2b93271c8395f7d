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
}
