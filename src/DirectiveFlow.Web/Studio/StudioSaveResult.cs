using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Web.Studio;

/// <summary>The outcome of a store call: the version written, or every error (validation errors carry their activity).</summary>
public sealed record StudioSaveResult(bool Succeeded, IReadOnlyList<WorkflowValidationError> Errors, StudioVersion? Version = null)
{
    public static StudioSaveResult Ok(StudioVersion version) => new(true, [], version);

    public static StudioSaveResult Fail(ErrorMessage message) => new(false, [new WorkflowValidationError("studio", message)]);
}
