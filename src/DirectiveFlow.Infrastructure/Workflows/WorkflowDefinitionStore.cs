using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Publishing;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>
/// Versioned workflow definitions. A draft is a version with IsPublished = false; saving edits the latest draft or,
/// when the latest version is published, opens version N+1 as a draft; publishing marks the draft published (published
/// versions never change again). Every write is validated first and refused whole when invalid. Two writers racing
/// on the same definition: one wins, the other gets <see cref="DefinitionStoreStatus.Conflict"/>.
/// </summary>
public sealed partial class WorkflowDefinitionStore(DirectiveFlowDbContext db, WorkflowValidator validator, TimeProvider time)
{
    private IQueryable<WorkflowDefinitionRecord> Records => db.WorkflowDefinitions;

    /// <summary>The newest version (draft or published), or a specific one.</summary>
    public Task<WorkflowDefinitionRecord?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        version is { } v
            ? Records.AsNoTracking().SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.Version == v, cancellationToken)
            : Records.AsNoTracking().SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.IsLatest, cancellationToken);

    /// <summary>The newest published version: the one a new directive runs on.</summary>
    public Task<WorkflowDefinitionRecord?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        Records.AsNoTracking().Where(r => r.DefinitionId == definitionId && r.IsPublished)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<PagedResult<WorkflowSummary>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var latest = Records.AsNoTracking().Where(r => r.IsLatest);
        var total = await latest.CountAsync(cancellationToken);
        var rows = await latest.OrderBy(r => r.DefinitionId).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new { r.DefinitionId, r.Name, r.Description, r.Version, r.IsPublished })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.DefinitionId).ToList();
        var published = await Records.AsNoTracking().Where(r => ids.Contains(r.DefinitionId) && r.IsPublished)
            .GroupBy(r => r.DefinitionId).Select(g => new { Id = g.Key, Version = g.Max(r => r.Version) })
            .ToDictionaryAsync(g => g.Id, g => g.Version, cancellationToken);
        var items = rows.Select(r => new WorkflowSummary(r.DefinitionId, r.Name, r.Description, r.Version,
            published.TryGetValue(r.DefinitionId, out var p) ? p : null, !r.IsPublished)).ToList();
        return new PagedResult<WorkflowSummary>(items, total, page.Page, page.PageSize);
    }

    /// <summary>Creates version 1 as a draft from <paramref name="json"/>; refused when the id is already taken.</summary>
    public async Task<DefinitionStoreResult> CreateDraftAsync(string json, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return DefinitionStoreResult.Invalid(validation.Errors);
        }

        var definition = validation.Definition!;
        if (await Records.AnyAsync(r => r.DefinitionId == definition.Id, cancellationToken))
        {
            return DefinitionStoreResult.Conflict(ErrorCodes.WorkflowExists, definition.Id);
        }

        var record = NewVersion(definition, 1);
        db.WorkflowDefinitions.Add(record);
        return await SaveAsync(DefinitionStoreStatus.Created, record, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="json"/> as the draft of <paramref name="definitionId"/>: edits the latest draft, or opens
    /// version N+1 when the latest is published. <paramref name="expected"/>, when given, must be the latest version and
    /// its concurrency stamp (what the editor loaded).
    /// </summary>
    public async Task<DefinitionStoreResult> SaveDraftAsync(string definitionId, string json, DefinitionStamp? expected, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return DefinitionStoreResult.Invalid(validation.Errors);
        }

        var definition = validation.Definition!;
        if (definition.Id != definitionId)
        {
            return DefinitionStoreResult.Invalid([new WorkflowValidationError("id-mismatch",
                new ErrorMessage(ErrorCodes.WorkflowIdMismatch, definition.Id, definitionId), Path: "/id")]);
        }

        var latest = await Records.SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.IsLatest, cancellationToken);
        if (latest is null)
        {
            return DefinitionStoreResult.NotFound(definitionId);
        }

        if (expected is { } stamp && !stamp.Matches(latest))
        {
            return StaleConflict(latest);
        }

        var canonical = WorkflowDefinitionSerializer.Serialize(definition);
        if (!latest.IsPublished)
        {
            if (latest.Json == canonical)
            {
                return new DefinitionStoreResult(DefinitionStoreStatus.Unchanged, latest);
            }

            latest.Json = canonical;
            latest.Name = definition.Name;
            latest.Description = definition.Description;
            latest.ConcurrencyStamp++;
            return await SaveAsync(DefinitionStoreStatus.Updated, latest, cancellationToken);
        }

        latest.IsLatest = false;
        latest.ConcurrencyStamp++;
        var draft = NewVersion(definition, latest.Version + 1);
        db.WorkflowDefinitions.Add(draft);
        return await SaveAsync(DefinitionStoreStatus.Created, draft, cancellationToken);
    }

    /// <summary>Publishes the latest draft without a note: the shipped flows at start, and tests.</summary>
    public Task<DefinitionStoreResult> PublishAsync(string definitionId, DefinitionStamp? expected, CancellationToken cancellationToken) =>
        PublishCoreAsync(definitionId, expected, null, null, cancellationToken);

    /// <summary>
    /// Publishes the latest draft after validating it again, with what changed in the publisher's words
    /// (<see cref="ChangeNote"/>: required, at most 1000 characters) and who published it; refused when there is no draft.
    /// </summary>
    public Task<DefinitionStoreResult> PublishAsync(string definitionId, DefinitionStamp? expected, string? changeNote, string publishedBy, CancellationToken cancellationToken) =>
        ChangeNote.Check(changeNote) is { } refusal
            ? Task.FromResult(DefinitionStoreResult.InvalidNote(refusal))
            : PublishCoreAsync(definitionId, expected, changeNote!.Trim(), publishedBy, cancellationToken);

    private async Task<DefinitionStoreResult> PublishCoreAsync(string definitionId, DefinitionStamp? expected, string? changeNote, string? publishedBy, CancellationToken cancellationToken)
    {
        var latest = await Records.SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.IsLatest, cancellationToken);
        if (latest is null)
        {
            return DefinitionStoreResult.NotFound(definitionId);
        }

        if (expected is { } stamp && !stamp.Matches(latest))
        {
            return StaleConflict(latest);
        }

        if (latest.IsPublished)
        {
            return DefinitionStoreResult.Conflict(ErrorCodes.WorkflowAlreadyPublished, latest.Version, definitionId);
        }

        var validation = validator.Validate(latest.Json);
        if (!validation.IsValid)
        {
            return DefinitionStoreResult.Invalid(validation.Errors);
        }

        latest.IsPublished = true;
        latest.PublishedAt = time.GetUtcNow();
        latest.ChangeNote = changeNote;
        latest.PublishedBy = publishedBy;
        latest.ConcurrencyStamp++;
        return await SaveAsync(DefinitionStoreStatus.Published, latest, cancellationToken);
    }

    /// <summary>Deletes the open draft; the previous (published) version, if any, becomes the latest again.</summary>
    public async Task<DefinitionStoreResult> DeleteDraftAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await Records.SingleOrDefaultAsync(r => r.DefinitionId == definitionId && r.IsLatest, cancellationToken);
        if (latest is null)
        {
            return DefinitionStoreResult.NotFound(definitionId);
        }

        if (latest.IsPublished)
        {
            return DefinitionStoreResult.Conflict(ErrorCodes.WorkflowNoDraft, definitionId, latest.Version);
        }

        var previous = await Records.Where(r => r.DefinitionId == definitionId && r.Version < latest.Version)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        db.WorkflowDefinitions.Remove(latest);
        if (previous is not null)
        {
            previous.IsLatest = true;
            previous.ConcurrencyStamp++;
        }

        return await SaveAsync(DefinitionStoreStatus.Deleted, previous, cancellationToken);
    }

    private WorkflowDefinitionRecord NewVersion(WorkflowDefinition definition, int version) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definition.Id,
        Version = version,
        Name = definition.Name,
        Description = definition.Description,
        IsLatest = true,
        Json = WorkflowDefinitionSerializer.Serialize(definition),
        CreatedAt = time.GetUtcNow(),
    };

    private static DefinitionStoreResult StaleConflict(WorkflowDefinitionRecord latest) =>
        DefinitionStoreResult.Conflict(ErrorCodes.WorkflowStale, latest.DefinitionId, latest.Version, latest.ConcurrencyStamp);

    private async Task<DefinitionStoreResult> SaveAsync(DefinitionStoreStatus status, WorkflowDefinitionRecord? record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DefinitionStoreResult(status, record);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            return DefinitionStoreResult.Conflict(e is DbUpdateConcurrencyException ? ErrorCodes.WorkflowChanged : ErrorCodes.WorkflowWrittenMeanwhile);
        }
    }
}
