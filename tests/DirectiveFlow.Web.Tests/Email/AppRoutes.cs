using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Email;

/// <summary>
/// The GET routes the app maps (minimal APIs and Blazor pages alike), read from its <see cref="EndpointDataSource"/>,
/// and whether a path matches one of them, constraints included (<c>{Id:guid}</c> refuses "abc").
/// </summary>
public sealed class AppRoutes
{
    private readonly IReadOnlyList<Route> _routes;

    private AppRoutes(IReadOnlyList<Route> routes) => _routes = routes;

    public int Count => _routes.Count;

    public static AppRoutes Of(IServiceProvider services)
    {
        var constraints = services.GetRequiredService<IInlineConstraintResolver>();
        var routes = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains(HttpMethods.Get))
            // A catch-all would match any link, so it proves nothing about one.
            .Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .Select(e => new Route(e.RoutePattern, constraints))
            .ToList();
        return new AppRoutes(routes);
    }

    /// <summary>The route <paramref name="path"/> matches, with its values, or null when none does.</summary>
    public (RoutePattern Pattern, RouteValueDictionary Values)? Match(string path)
    {
        foreach (var route in _routes)
        {
            var values = new RouteValueDictionary();
            if (route.Matches(path, values))
            {
                return (route.Pattern, values);
            }
        }

        return null;
    }

    private sealed class Route(RoutePattern pattern, IInlineConstraintResolver resolver)
    {
        private readonly TemplateMatcher _matcher = new(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults));

        private readonly IReadOnlyList<(string Name, IRouteConstraint Constraint)> _constraints = pattern.ParameterPolicies
            .SelectMany(p => p.Value.Select(policy => (p.Key, Constraint: policy.ParameterPolicy as IRouteConstraint
                ?? (policy.Content is null ? null : resolver.ResolveConstraint(policy.Content)))))
            .Where(c => c.Constraint is not null)
            .Select(c => (c.Key, c.Constraint!))
            .ToList();

        public RoutePattern Pattern => pattern;

        public bool Matches(string path, RouteValueDictionary values) =>
            _matcher.TryMatch(new PathString(path), values)
            && _constraints.All(c => c.Constraint.Match(null, null, c.Name, values, RouteDirection.IncomingRequest));
    }
}
