using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>The answer of <c>POST /api/workflows/validate</c>: valid or not, and every error found.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<WorkflowValidationError> Errors);
