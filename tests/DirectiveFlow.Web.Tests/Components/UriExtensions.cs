namespace DirectiveFlow.Web.Tests.Components;

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, whether the server sent it absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
