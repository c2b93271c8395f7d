namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>
/// One problem in a definition: a stable <see cref="Code"/> (see <see cref="ValidationCodes"/>), the activity it
/// concerns, a JSON Pointer into the definition (e.g. <c>/activities/2/properties/deadline</c>), and the message in
/// English and Vietnamese.
/// </summary>
public sealed record WorkflowValidationError(string Code, string Message, string MessageVi, string? ActivityId = null, string? Path = null);
