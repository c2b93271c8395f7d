using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>
/// The outcome of a store operation: the record written or read, validation errors, or why it was refused (a code
/// worded in the reader's language, <see cref="Problem"/>).
/// </summary>
public sealed record DefinitionStoreResult(
    DefinitionStoreStatus Status,
    WorkflowDefinitionRecord? Record = null,
    IReadOnlyList<WorkflowValidationError>? Errors = null,
    ErrorMessage? Problem = null)
{
    public bool Succeeded => Status is DefinitionStoreStatus.Created or DefinitionStoreStatus.Updated
        or DefinitionStoreStatus.Published or DefinitionStoreStatus.Deleted or DefinitionStoreStatus.Unchanged;

    /// <summary>Why it was refused, in English (logs), or null.</summary>
    public string? Message => Problem?.Text(english: true);

    public static DefinitionStoreResult Invalid(IReadOnlyList<WorkflowValidationError> errors) => new(DefinitionStoreStatus.Invalid, Errors: errors);

    /// <summary>Refused before anything was read: the change note breaks the publishing rule.</summary>
    public static DefinitionStoreResult InvalidNote(ErrorMessage problem) => new(DefinitionStoreStatus.InvalidNote, Problem: problem);

    public static DefinitionStoreResult NotFound(string definitionId) =>
        new(DefinitionStoreStatus.NotFound, Problem: new ErrorMessage(ErrorCodes.WorkflowNotFound, definitionId));

    public static DefinitionStoreResult Conflict(string code, params object?[] args) =>
        new(DefinitionStoreStatus.Conflict, Problem: new ErrorMessage(code, args));

    /// <summary>A refusal as the one problem type: 400 (<c>workflow-invalid</c>, the list in <see cref="Errors"/>), 404 or 409; null when it succeeded.</summary>
    public ProblemException? ToProblem() => Status switch
    {
        DefinitionStoreStatus.Invalid => new ProblemException(ProblemKind.Invalid, new ErrorMessage(ErrorCodes.WorkflowInvalid, Errors!.Count)),
        DefinitionStoreStatus.InvalidNote => ProblemException.Invalid("changeNote", Problem!),
        DefinitionStoreStatus.NotFound => new ProblemException(ProblemKind.NotFound, Problem!),
        DefinitionStoreStatus.Conflict => new ProblemException(ProblemKind.Conflict, Problem!),
        _ => null,
    };
}
