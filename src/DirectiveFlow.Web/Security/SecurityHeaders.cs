using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The headers every response carries, error pages included (set as the response starts, after an exception handler
/// may have cleared the headers).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy.For(context);
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.Remove(HeaderNames.Server);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
