using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Security;

/// <summary>The authentication events that end a cookie or a bearer token whose session is over (<see cref="SessionValidator"/>).</summary>
public static class SessionChecks
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own validator then refreshes the claims (roles, unit) every ValidationInterval.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The session of this token has ended (signed out, password changed, or account locked).");
        }
    }
}
