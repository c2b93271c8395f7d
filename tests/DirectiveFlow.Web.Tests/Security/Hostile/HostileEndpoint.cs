using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Security.Hostile;

/// <summary>
/// One method and route of the app, as its <see cref="EndpointDataSource"/> lists it (static files aside), with its
/// route parameters filled with real ids of the <see cref="HostileHost"/> — or with a hostile value.
/// </summary>
public sealed partial record HostileEndpoint(string Method, string Pattern)
{
    public bool HasBody => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The demo clock and mailbox, which Production does not map.</summary>
    public bool IsDemoTool => Pattern.StartsWith("/api/dev/", StringComparison.Ordinal) || Pattern.StartsWith("/dev/", StringComparison.Ordinal)
        || Pattern == "/mailbox";

    public IReadOnlyList<string> Parameters => ParameterPattern().Matches(Pattern).Select(m => Name(m.Groups[1].Value)).ToList();

    /// <summary>Every endpoint a caller can reach: each HTTP method of each route, without the static files.</summary>
    public static IReadOnlyList<HostileEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new HostileEndpoint(method, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The route with real ids (a task, a directive, a unit of the host), or <paramref name="hostile"/> in <paramref name="parameter"/>.</summary>
    public string Url(HostileHost host, string? parameter = null, string? hostile = null) => ParameterPattern().Replace(Pattern, m =>
    {
        var name = Name(m.Groups[1].Value);
        return name == parameter ? hostile! : Value(host, name, m.Groups[1].Value);
    });

    public override string ToString() => $"{Method} {Pattern}";

    private string Value(HostileHost host, string name, string spec) => name switch
    {
        "id" when Pattern.Contains("tasks", StringComparison.Ordinal) => host.TaskId.ToString(),
        "id" when Pattern.Contains("directives", StringComparison.Ordinal) => host.DirectiveId.ToString(),
        "id" when Pattern.Contains("units", StringComparison.Ordinal) => host.UnitId.ToString(),
        _ when spec.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ when spec.Contains(":int", StringComparison.Ordinal) => name == "year" ? "2026" : "1",
        _ when spec.Contains(":long", StringComparison.Ordinal) => "1",
        "definitionId" => "committee-directive",
        "language" => "en",
        "documentName" => "v1",
        _ => "x",
    };

    private static string Name(string spec) => spec.TrimStart('*').Split(':', '=', '?')[0];

    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal))
        || Path.HasExtension(endpoint.RoutePattern.RawText?.Split('/')[^1].Split('{')[0]) && !(endpoint.RoutePattern.RawText ?? "").Contains('{', StringComparison.Ordinal);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();
}
