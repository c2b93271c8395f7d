using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>The seeder's entry: import a shipped file as a published version, once per distinct content.</summary>
public sealed partial class WorkflowDefinitionStore
{
    /// <summary>Stores <paramref name="json"/> as a new published version unless some version already holds exactly
    /// this content (the seeder's idempotence). Refused while an administrator's draft is open.</summary>
    public async Task<DefinitionStoreResult> ImportPublishedAsync(string json, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return DefinitionStoreResult.Invalid(validation.Errors);
        }

        var definition = validation.Definition!;
        var canonical = WorkflowDefinitionSerializer.Serialize(definition);
        var versions = await Records.Where(r => r.DefinitionId == definition.Id).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(r => r.IsPublished && r.Json == canonical) is { } same)
        {
            return new DefinitionStoreResult(DefinitionStoreStatus.Unchanged, same);
        }

        var latest = versions.SingleOrDefault(r => r.IsLatest);
        if (latest is { IsPublished: false })
        {
            return DefinitionStoreResult.Conflict(ErrorCodes.WorkflowOpenDraft, definition.Id, latest.Version);
        }

        if (latest is not null)
        {
            latest.IsLatest = false;
            latest.ConcurrencyStamp++;
        }

        var record = NewVersion(definition, (latest?.Version ?? 0) + 1);
        record.IsPublished = true;
        record.PublishedAt = record.CreatedAt;
        db.WorkflowDefinitions.Add(record);
        return await SaveAsync(DefinitionStoreStatus.Published, record, cancellationToken);
    }
}
