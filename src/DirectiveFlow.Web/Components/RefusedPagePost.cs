using System.Globalization;
using System.Text.Encodings.Web;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace DirectiveFlow.Web.Components;

/// <summary>
/// A person whose form is refused before any page runs — its antiforgery token no longer valid (the page stayed open
/// through a sign-out and a new sign-in, or for too long), or its body over the limit (too many or too large files) —
/// sees a page in their language saying what happened and how to go on, instead of the framework's English line or a
/// problem-details document. Only a browser's page posts (outside <c>/api</c>, asking for HTML): the API and scripted
/// callers keep their ProblemDetails.
/// </summary>
public static class RefusedPagePost
{
    /// <summary>Registered before the API's problem handler, so a browser's oversized form gets this page first.</summary>
    public static IServiceCollection AddDirectiveFlowRefusedPagePosts(this IServiceCollection services) =>
        services.AddExceptionHandler<TooLargeHandler>();

    /// <summary>Call right after <c>UseAntiforgery</c>: a page post whose token failed is answered here, before its page.</summary>
    public static WebApplication UseRefusedPagePosts(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsPagePost(context)
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, "Refused.Stale.Title", "Refused.Stale.Text");
                return;
            }

            await next(context);
        });
        return app;
    }

    public static bool IsPagePost(HttpContext context) => HttpMethods.IsPost(context.Request.Method) && PageRequests.IsFromBrowser(context);

    /// <summary>The refusal page: a title, what happened, and a link back to the page the form came from (a fresh copy).</summary>
    private static async Task WriteAsync(HttpContext context, int status, string titleKey, string textKey, object? argument = null)
    {
        var culture = new CultureInfo(ProblemLanguage.IsEnglish(context) ? UiCultures.English : UiCultures.Vietnamese);
        string Text(string key) => (culture.TwoLetterISOLanguageName == "en" ? EnText.All : ViText.All)[key];
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        // The page's own address (a path of this site, never a header's): opening it again draws the form afresh.
        var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(Text(titleKey))} · {html.Encode(Text("App.Name"))}</title>
            <link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="refused-post">
            <h1>{html.Encode(Text(titleKey))}</h1>
            <p>{html.Encode(string.Format(culture, Text(textKey), argument))}</p>
            <p><a href="{html.Encode(back)}">{html.Encode(Text("Refused.Back"))}</a></p>
            </main></body></html>
            """, context.RequestAborted);
    }

    /// <summary>A browser's form over its body limit (413): the page, naming the limit.</summary>
    private sealed class TooLargeHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (httpContext.Response.HasStarted || !IsPagePost(httpContext)
                || BadRequestProblem.From(exception) is not { Status: StatusCodes.Status413PayloadTooLarge } problem)
            {
                return false;
            }

            // The limit the refusal applied: the page's own (an upload's, for pages that take files), else every body's.
            var limit = LengthLimitedStream.LimitOf(httpContext) ?? InputLimits.RequestBodyBytes;
            await WriteAsync(httpContext, problem.Status, "Refused.TooLarge.Title", "Refused.TooLarge.Text", Math.Max(1, limit / (1024 * 1024)));
            return true;
        }
    }
}
