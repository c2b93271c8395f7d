using System.Collections.Concurrent;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Definitions;

/// <summary>
/// Parsed definitions by version record id. A published version never changes, so an entry never goes stale;
/// the cache holds one entry per version in use.
/// </summary>
public sealed class WorkflowDefinitionCache(ActivityCatalog activities)
{
    private readonly ConcurrentDictionary<Guid, CompiledWorkflow> _byRecord = new();

    /// <summary>The compiled version <paramref name="recordId"/>, loaded and parsed on first use.</summary>
    public async ValueTask<CompiledWorkflow> GetAsync(DirectiveFlowDbContext db, Guid recordId, CancellationToken cancellationToken)
    {
        if (_byRecord.TryGetValue(recordId, out var cached))
        {
            return cached;
        }

        var json = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.Id == recordId)
            .Select(d => d.Json)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Workflow definition version {recordId} does not exist.");
        return _byRecord.GetOrAdd(recordId, CompiledWorkflow.Parse(json, activities));
    }
}
