namespace DirectiveFlow.Web.Components.Shared;

/// <summary>Guards redirect targets taken from the query string: only paths on this site, never another host.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
