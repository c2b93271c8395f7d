using System.Security.Claims;
using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Cookie sign-in for the UI, bearer tokens for the API, one policy scheme choosing between them, and one
    /// authorization policy per role (named as the role; an Administrator passes every role policy); sessions checked
    /// against the security stamp, sign-in rate limits, and what travels on the wire (headers, proxies, HTTPS).
    /// </summary>
    public static IServiceCollection AddDirectiveFlowSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AuthOptions>(configuration, AuthOptions.Section);
        services.AddScoped<JwtTokenIssuer>();
        services.AddDirectiveFlowSessions(configuration);
        services.AddSignInRateLimiter(configuration);
        services.AddTransportSecurity(configuration);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.CookieOrBearer;
                o.DefaultChallengeScheme = AuthSchemes.CookieOrBearer;
                o.DefaultForbidScheme = AuthSchemes.CookieOrBearer;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer()
            .AddIdentityCookies();

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => ConfigureBearer(o, auth.Value));
        services.ConfigureApplicationCookie(o =>
        {
            o.Events.OnValidatePrincipal = SessionChecks.ValidateCookieAsync;
            o.LoginPath = "/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "DirectiveFlow.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnRedirectToLogin = c => ApiAuthResponses.IsApi(c.Request)
                ? ApiAuthResponses.WriteUnauthorizedAsync(c.HttpContext)
                : Redirect(c.Response, c.RedirectUri);
            o.Events.OnRedirectToAccessDenied = c => ApiAuthResponses.IsApi(c.Request)
                ? ApiAuthResponses.WriteForbiddenAsync(c.HttpContext)
                : Redirect(c.Response, c.RedirectUri);
        });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.RequireRole(role == Roles.Administrator ? [role] : [role, Roles.Administrator]));
        }

        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions o, AuthOptions auth)
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKey = JwtTokenIssuer.SigningKey(auth),
            NameClaimType = ClaimTypes.Name,
            RoleClaimType = ClaimTypes.Role,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        o.Events = new JwtBearerEvents
        {
            OnChallenge = async c =>
            {
                c.HandleResponse();
                c.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                await ApiAuthResponses.WriteUnauthorizedAsync(c.HttpContext);
            },
            OnForbidden = c => ApiAuthResponses.WriteForbiddenAsync(c.HttpContext),
            OnTokenValidated = SessionChecks.ValidateTokenAsync,
        };
    }

    private static Task Redirect(HttpResponse response, string uri)
    {
        response.Redirect(uri);
        return Task.CompletedTask;
    }
}
