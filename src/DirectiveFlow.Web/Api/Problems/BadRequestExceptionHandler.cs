using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Answers a request the framework could not read (malformed or mistyped JSON, an unbindable query value, a missing
/// antiforgery token, an oversized body) with a 4xx ProblemDetails naming the field, in every environment — instead
/// of the developer page's 500 in Development or an empty 400 in Production. Anything else is left to the default 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (BadRequestProblem.From(exception) is not { } problem || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogInformation("Refused {Method} {Path}: {Status} {Field}: {Message}",
            httpContext.Request.Method, httpContext.Request.Path, problem.Status, problem.Field, problem.Message.Text(english: true));
        var english = ProblemLanguage.IsEnglish(httpContext);
        var message = problem.Message.Text(english);
        httpContext.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [problem.Field] = [message] })
            {
                Status = problem.Status,
                Title = problem.Title.Text(english),
                Detail = problem.Field == JsonErrorText.Root ? message : $"{problem.Field}: {message}",
                Extensions =
                {
                    ["code"] = problem.Title.Code,
                    ["codes"] = new Dictionary<string, string[]> { [problem.Field] = [problem.Message.Code] },
                },
            },
        });
    }
}
