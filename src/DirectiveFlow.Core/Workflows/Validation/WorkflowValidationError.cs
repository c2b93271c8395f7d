using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>
/// One problem in a definition: a stable <see cref="Code"/> (see <see cref="ValidationCodes"/>), the activity it
/// concerns, a JSON Pointer into the definition (e.g. <c>/activities/2/properties/deadline</c>), and the message in the
/// reader's language (<see cref="Problem"/>, a code of <see cref="ErrorCodes"/> with its values).
/// </summary>
public sealed record WorkflowValidationError(string Code, ErrorMessage Problem, string? ActivityId = null, string? Path = null)
{
    /// <summary>The message in English (logs, the command line).</summary>
    public string Message => Problem.Text(english: true);

    /// <summary>The message in English or Vietnamese.</summary>
    public string Text(bool english) => Problem.Text(english);
}
