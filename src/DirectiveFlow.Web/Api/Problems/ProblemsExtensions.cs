using DirectiveFlow.Core.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// No 500 on bad input, in every environment: requests that cannot be read answer a 4xx ProblemDetails naming the
/// field (whatever the Accept header), JSON bodies refuse duplicate keys, control characters and nesting deeper than
/// 64, and request bodies are limited (<see cref="InputLimits"/>).
/// </summary>
public static class ProblemsExtensions
{
    public static IServiceCollection AddDirectiveFlowProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = LengthLimitedStream.Describe);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>());
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Binding failures throw in every environment (by default only in Development), so the handler can name the
        // field; otherwise Production answers an empty 400 and Development the developer page's 500.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.MaxDepth = 64;
            o.SerializerOptions.Converters.Add(new StrictStringConverter());
            o.SerializerOptions.Converters.Add(new StrictJsonObjectConverter());
        });
        return services;
    }

    /// <summary>Call after <c>UseExceptionHandler</c> (a refused body is thrown to it) and before the endpoints run.</summary>
    public static WebApplication UseDirectiveFlowRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyMiddleware>();
        return app;
    }
}
