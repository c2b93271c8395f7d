using DirectiveFlow.Web.Components.Shared;
using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Localization;

namespace DirectiveFlow.Web.Components;

/// <summary>The UI's one non-page endpoint: the language switch (sign-out is the foundation's <c>/account/logout</c>).</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{language}", (HttpContext http, string language, string? returnUrl) =>
        {
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                UiCultures.CookieValue(UiCultures.Normalize(language)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        return endpoints;
    }
}
