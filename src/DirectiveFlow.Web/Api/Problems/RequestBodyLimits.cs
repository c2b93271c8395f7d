using Microsoft.AspNetCore.Http.Metadata;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>An endpoint's own request body limit, read by <see cref="RequestBodyMiddleware"/> (and by MVC-style tooling).</summary>
public static class RequestBodyLimits
{
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
