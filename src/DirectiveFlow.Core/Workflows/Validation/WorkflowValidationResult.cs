namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>Every error found; <see cref="Definition"/> is the parsed definition when the JSON could be read at all.</summary>
public sealed record WorkflowValidationResult(IReadOnlyList<WorkflowValidationError> Errors, WorkflowDefinition? Definition)
{
    public bool IsValid => Errors.Count == 0;
}
