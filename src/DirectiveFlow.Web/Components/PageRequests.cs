namespace DirectiveFlow.Web.Components;

/// <summary>What a browser's page request is: outside <c>/api</c>, asking for HTML. The API keeps its problem details.</summary>
internal static class PageRequests
{
    public static bool IsFromBrowser(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
