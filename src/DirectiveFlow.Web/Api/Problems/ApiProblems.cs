using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// The one place a <see cref="ProblemException"/> becomes ProblemDetails: its kind gives the status, its code the
/// <c>code</c> member clients branch on, and every message is looked up in the request's language
/// (<see cref="ProblemLanguage"/>); field errors keep their codes in <c>codes</c>.
/// </summary>
public static class ApiProblems
{
    public static IResult From(ProblemException problem, HttpContext context)
    {
        var english = ProblemLanguage.IsEnglish(context);
        var extensions = new Dictionary<string, object?>(problem.Extensions) { ["code"] = problem.Code };
        var text = problem.Problem.Text(english);
        if (problem.Kind == ProblemKind.Invalid)
        {
            extensions["codes"] = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray());
            var errors = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text(english)).ToArray());
            return TypedResults.ValidationProblem(errors, detail: text, extensions: extensions);
        }

        return TypedResults.Problem(detail: text, statusCode: StatusOf(problem.Kind), extensions: extensions);
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };
}
