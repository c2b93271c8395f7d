using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Workflows;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// What the studio asks of the definitions store. The implementation delegates to the same store and validator the
/// workflow API uses, so versioning and validation exist once.
/// </summary>
public interface IStudioDefinitions
{
    Task<IReadOnlyList<StudioDefinitionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The latest version, or <paramref name="version"/>; null when there is none.</summary>
    Task<StudioLoadedDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>Creates a new definition (a draft) from a definition, e.g. imported JSON or a clone.</summary>
    Task<StudioSaveResult> CreateAsync(string json, CancellationToken cancellationToken);

    /// <summary>Saves the draft: updates the latest draft, or starts version N+1 when the latest is published.</summary>
    Task<StudioSaveResult> SaveDraftAsync(WorkflowDefinition definition, DefinitionStamp? expected, CancellationToken cancellationToken);

    /// <summary>The newest published version, the one a diff before publishing compares with; null when none is.</summary>
    Task<StudioLoadedDefinition?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Publishes the draft with the publisher's change note (required) and user name.</summary>
    Task<StudioSaveResult> PublishAsync(string definitionId, DefinitionStamp? expected, string? changeNote, string publishedBy, CancellationToken cancellationToken);

    Task<StudioSaveResult> DeleteDraftAsync(string definitionId, CancellationToken cancellationToken);

    WorkflowValidationResult Validate(WorkflowDefinition definition);
}
