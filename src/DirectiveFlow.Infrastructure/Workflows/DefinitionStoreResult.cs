using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>The outcome of a store operation: the record written or read, validation errors, or why it was refused.</summary>
public sealed record DefinitionStoreResult(
    DefinitionStoreStatus Status,
    WorkflowDefinitionRecord? Record = null,
    IReadOnlyList<WorkflowValidationError>? Errors = null,
    string? Message = null)
{
    public bool Succeeded => Status is DefinitionStoreStatus.Created or DefinitionStoreStatus.Updated
        or DefinitionStoreStatus.Published or DefinitionStoreStatus.Deleted or DefinitionStoreStatus.Unchanged;

    public static DefinitionStoreResult Invalid(IReadOnlyList<WorkflowValidationError> errors) => new(DefinitionStoreStatus.Invalid, Errors: errors);

    public static DefinitionStoreResult NotFound(string definitionId) =>
        new(DefinitionStoreStatus.NotFound, Message: $"Workflow definition '{definitionId}' does not exist.");

    public static DefinitionStoreResult Conflict(string message) => new(DefinitionStoreStatus.Conflict, Message: message);
}
