using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>The answer of <c>POST /api/workflows/validate</c>: valid or not, and every error found.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationErrorResponse> Errors)
{
    public static ValidationResponse From(WorkflowValidationResult result, bool english) => new(result.IsValid, ValidationErrorResponse.From(result.Errors, english));
}

/// <summary>
/// One validation error as the API gives it: its <see cref="ValidationCodes"/> code, the code of its message and the
/// message in the request's language, the activity and the JSON Pointer it concerns.
/// </summary>
public sealed record ValidationErrorResponse(string Code, string MessageCode, string Message, string? ActivityId, string? Path)
{
    public static IReadOnlyList<ValidationErrorResponse> From(IEnumerable<WorkflowValidationError> errors, bool english) =>
        errors.Select(e => new ValidationErrorResponse(e.Code, e.Problem.Code, e.Text(english), e.ActivityId, e.Path)).ToList();
}
