using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Api.Problems;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>Reads an optional enum from the query string or body, answering a 400 naming the allowed values.</summary>
public static class ApiEnum
{
    public static bool TryParse<T>(string? text, string field, out T? value, out IResult problem)
        where T : struct, Enum
    {
        value = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            value = parsed;
            return true;
        }

        problem = ApiProblems.Of(ProblemException.Invalid(field, ErrorCodes.NotAllowed, text, string.Join(", ", Enum.GetNames<T>())));
        return false;
    }
}
