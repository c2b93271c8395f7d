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

    /// <summary>Reads an <c>If-Match</c> version and concurrency stamp (<c>"2.3"</c>, <c>W/"2.3"</c> or <c>2.3</c>; an
    /// older client's bare stamp <c>"3"</c> too); null when absent or <c>*</c>.</summary>
    public static bool TryReadStamp(HttpRequest request, out DefinitionStamp? stamp)
    {
        stamp = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var raw = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (DefinitionStamp.TryParse(raw.Trim('"'), out var value))
        {
            stamp = value;
            return true;
        }

        return false;
    }

    public static IResult BadIfMatch() => ApiProblems.Of(ProblemException.Invalid("If-Match", ErrorCodes.IfMatchInvalid));

    /// <summary>200 with the version, its number and concurrency stamp as the ETag (<c>"2.3"</c>).</summary>
    public static IResult OkWithETag(HttpResponse response, WorkflowDefinitionRecord record)
    {
        response.Headers.ETag = $"\"{DefinitionStamp.Of(record)}\"";
        return Results.Ok(WorkflowDefinitionResponse.From(record));
    }
}
