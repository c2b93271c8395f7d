using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// API callers get 401/403 ProblemDetails, never the UI's redirect to /login: a script cannot follow a login page.
/// </summary>
public static class ApiAuthResponses
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteUnauthorizedAsync(HttpContext context) => WriteAsync(
        context, StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, new ErrorMessage(ErrorCodes.AuthSendToken));

    public static Task WriteForbiddenAsync(HttpContext context) => WriteAsync(
        context, StatusCodes.Status403Forbidden, ErrorCodes.AuthForbidden, new ErrorMessage(ErrorCodes.AuthLacksRole));

    /// <summary>Writes the answer with <paramref name="code"/> as its title and code, worded in the request's language (<see cref="ProblemLanguage"/>).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, ErrorMessage? detail)
    {
        var english = ProblemLanguage.IsEnglish(context);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = new ErrorMessage(code).Text(english),
                Detail = detail?.Text(english),
                Extensions = { ["code"] = code },
            },
        });
    }

    /// <summary>The same answer as an endpoint's result, for refusals that are no <see cref="ProblemKind"/> (401, 423).</summary>
    public static IResult Result(int status, string code, ErrorMessage? detail = null) => new Written(status, code, detail);

    private sealed class Written(int status, string code, ErrorMessage? detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, detail);
    }
}
