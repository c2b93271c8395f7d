using Microsoft.AspNetCore.Diagnostics;

namespace DirectiveFlow.Web.Components;

/// <summary>
/// A person who follows a dead link sees the styled "not found" page, not a problem-details document. Only page
/// requests (a browser asking for HTML, outside <c>/api</c>) and only 404s: the API, and every other status, keep
/// the problem details the host-wide status-code handler writes.
/// </summary>
internal static class BrowserNotFoundPage
{
    public const string Path = "/not-found";

    /// <remarks>
    /// Registered on the application itself, not in a <c>UseWhen</c> branch: only there does the re-execution route
    /// the not-found path again. Whatever is not a page's 404 switches it off and falls through to the outer handler.
    /// </remarks>
    public static WebApplication UseBrowserNotFoundPage(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            await next(context);
            if ((context.Response.StatusCode != StatusCodes.Status404NotFound || !IsPageRequest(context))
                && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
        });
        return app;
    }

    public static bool IsPageRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && PageRequests.IsFromBrowser(context);
}
