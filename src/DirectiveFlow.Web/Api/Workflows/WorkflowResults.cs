using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.Web.Api.Problems;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>Turns store results into HTTP answers: 400 with every validation error, 404, 409 saying what is allowed (one problem type, <see cref="ApiProblems"/>).</summary>
internal static class WorkflowResults
{
    public static IResult From(DefinitionStoreResult result, Func<DefinitionStoreResult, IResult> success) => result.ToProblem() switch
    {
        null => success(result),
        { Kind: ProblemKind.Invalid } invalid when result.Errors is not null => ApiProblems.Of(
            invalid.With("errors", new WordedValue(english => ValidationErrorResponse.From(result.Errors!, english)))),
        var problem => ApiProblems.Of(problem),
    };

    public static IResult NotFound(string definitionId, int? version) => ApiProblems.Of(version is null
        ? ProblemException.NotFound(ErrorCodes.WorkflowNotFound, definitionId)
        : ProblemException.NotFound(ErrorCodes.WorkflowVersionNotFound, definitionId, version));

    /// <summary>Reads an <c>If-Match</c> concurrency stamp (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); null when absent or <c>*</c>.</summary>
    public static bool TryReadStamp(HttpRequest request, out int? stamp)
    {
        stamp = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var raw = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (int.TryParse(raw.Trim('"'), out var value))
        {
            stamp = value;
            return true;
        }

        return false;
    }

    public static IResult BadIfMatch() => ApiProblems.Of(ProblemException.Invalid("If-Match", ErrorCodes.IfMatchInvalid));

    /// <summary>200 with the version, its concurrency stamp as the ETag.</summary>
    public static IResult OkWithETag(HttpResponse response, WorkflowDefinitionRecord record)
    {
        response.Headers.ETag = $"\"{record.ConcurrencyStamp}\"";
        return Results.Ok(WorkflowDefinitionResponse.From(record));
    }
}
