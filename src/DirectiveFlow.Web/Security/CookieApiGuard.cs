using DirectiveFlow.Core.Common.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The API changes nothing on the strength of the sign-in cookie: a browser sends the cookie with any site's form
/// post (a cross-site <c>text/plain</c> or multipart POST needs no preflight), a bearer token it never sends by itself.
/// The UI reads through the API with its cookie (attachment downloads) but never writes through it, so an unsafe
/// <c>/api</c> request authenticated by the cookie alone is refused with 403 before it reaches the endpoint.
/// </summary>
public static class CookieApiGuard
{
    public static IApplicationBuilder UseCookieApiGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRefused(context))
        {
            await ApiAuthResponses.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.BearerRequired, new ErrorMessage(ErrorCodes.BearerForChanges));
            return;
        }

        await next(context);
    });

    /// <summary>Call after authentication: an unsafe /api request, signed in, without a bearer token, to an endpoint that needs a user.</summary>
    public static bool IsRefused(HttpContext context) =>
        ApiAuthResponses.IsApi(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
