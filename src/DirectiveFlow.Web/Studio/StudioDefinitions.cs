using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.Infrastructure.Workflows.Queries;
using Mediator;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// The studio's door to the definitions: every write goes through <see cref="WorkflowDefinitionStore"/>, the version
/// list through <see cref="ListDefinitionVersionsQuery"/> and every check through <see cref="WorkflowValidator"/>,
/// exactly as the workflows API does. A scope per call, because a Blazor circuit lives long and its components may
/// call concurrently.
/// </summary>
public sealed class StudioDefinitions(IServiceScopeFactory scopes, WorkflowValidator validator) : IStudioDefinitions
{
    public async Task<IReadOnlyList<StudioDefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>();
        var summaries = await store.ListAsync(new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        var versions = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ListDefinitionVersionsQuery(summaries.Items.Select(s => s.DefinitionId).ToList()), cancellationToken);
        return summaries.Items.Select(s => new StudioDefinitionSummary(s.DefinitionId, s.Name,
            versions.Where(v => v.DefinitionId == s.DefinitionId)
                .Select(v => new StudioVersion(v.Version, v.IsPublished, v.IsLatest, v.CreatedAt, v.PublishedAt, v.ConcurrencyStamp, v.PublishedBy, v.ChangeNote)).ToList()))
            .ToList();
    }

    public async Task<StudioLoadedDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().GetAsync(definitionId, version, cancellationToken);
        return record is null ? null : new StudioLoadedDefinition(WorkflowDefinitionSerializer.Deserialize(record.Json), VersionOf(record));
    }

    public Task<StudioSaveResult> CreateAsync(string json, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.CreateDraftAsync(json, cancellationToken));

    public Task<StudioSaveResult> SaveDraftAsync(WorkflowDefinition definition, DefinitionStamp? expected, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.SaveDraftAsync(definition.Id, WorkflowDefinitionSerializer.Serialize(definition), expected, cancellationToken));

    public async Task<StudioLoadedDefinition?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().GetPublishedAsync(definitionId, cancellationToken);
        return record is null ? null : new StudioLoadedDefinition(WorkflowDefinitionSerializer.Deserialize(record.Json), VersionOf(record));
    }

    public Task<StudioSaveResult> PublishAsync(string definitionId, DefinitionStamp? expected, string? changeNote, string publishedBy, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.PublishAsync(definitionId, expected, changeNote, publishedBy, cancellationToken));

    public Task<StudioSaveResult> DeleteDraftAsync(string definitionId, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.DeleteDraftAsync(definitionId, cancellationToken));

    public WorkflowValidationResult Validate(WorkflowDefinition definition) => validator.Validate(definition);

    private async Task<StudioSaveResult> WithStoreAsync(Func<WorkflowDefinitionStore, Task<DefinitionStoreResult>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await call(scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>());
        if (result.Succeeded)
        {
            return new StudioSaveResult(true, [], result.Record is null ? null : VersionOf(result.Record));
        }

        return result.Errors is { Count: > 0 } errors
            ? new StudioSaveResult(false, errors)
            : StudioSaveResult.Fail(result.Problem ?? new ErrorMessage(ErrorCodes.Conflict));
    }

    private static StudioVersion VersionOf(WorkflowDefinitionRecord r) =>
        new(r.Version, r.IsPublished, r.IsLatest, r.CreatedAt, r.PublishedAt, r.ConcurrencyStamp, r.PublishedBy, r.ChangeNote);
}
