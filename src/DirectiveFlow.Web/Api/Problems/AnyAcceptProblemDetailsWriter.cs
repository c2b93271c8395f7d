using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Writes ProblemDetails as <c>application/problem+json</c> whatever the request accepts. The framework's writer
/// declines a request that accepts only <c>text/html</c> (a browser, a curl with a custom Accept), and then
/// <see cref="IProblemDetailsService.WriteAsync"/> throws "Unable to find a registered IProblemDetailsWriter" — a 500
/// where a 401 or 400 was meant. Registered after it, this writer answers whatever it declines.
/// </summary>
public sealed class AnyAcceptProblemDetailsWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= TypeOf(problem.Status.Value);
        if (!problem.Extensions.ContainsKey("traceId"))
        {
            problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        }

        options.Value.CustomizeProblemDetails?.Invoke(context);
        var type = problem.GetType();
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, type, json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }

    /// <summary>The RFC 9110 section of a status, as the framework's own writer links it.</summary>
    private static string? TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => null,
    };
}
