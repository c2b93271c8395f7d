using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// The one place a <see cref="ProblemException"/> becomes ProblemDetails: its kind gives the status, its code the
/// <c>code</c> member clients branch on, and every message is looked up in the request's language
/// (<see cref="ProblemLanguage"/>); field errors keep their codes in <c>codes</c>, and a member that has words
/// (<see cref="WordedValue"/>, e.g. the list of a definition's validation errors) is worded the same way.
/// </summary>
public static class ApiProblems
{
    public static IResult From(ProblemException problem, HttpContext context)
    {
        var english = ProblemLanguage.IsEnglish(context);
        var extensions = problem.Extensions.ToDictionary(e => e.Key, e => e.Value is WordedValue worded ? worded.For(english) : e.Value);
        extensions["code"] = problem.Code;
        var text = problem.Problem.Text(english);
        if (problem.Kind == ProblemKind.Invalid && problem.Errors.Count > 0)
        {
            extensions["codes"] = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray());
            var errors = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text(english)).ToArray());
            return TypedResults.ValidationProblem(errors, detail: text, extensions: extensions);
        }

        return TypedResults.Problem(detail: text, statusCode: StatusOf(problem.Kind), extensions: extensions);
    }

    /// <summary>The answer to <paramref name="problem"/>, worded when it is written, in the language of the request it answers.</summary>
    public static IResult Of(ProblemException problem) => new Worded(problem);

    /// <summary>A 400 carrying every field error of <paramref name="errors"/>.</summary>
    public static IResult Invalid(FieldErrors errors) => Of(ProblemException.Invalid(errors));

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    private sealed class Worded(ProblemException problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => From(problem, httpContext).ExecuteAsync(httpContext);
    }
}
