using System.Collections.Concurrent;
using DirectiveFlow.Infrastructure.Engine.Runtime;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Hands the targets a step resolved for a deferred cascade to the batch writer in the same process, so the selector
/// runs once; after a restart the writer resolves them again (same query, same order).
/// </summary>
public sealed class ResolvedTargets
{
    private readonly ConcurrentDictionary<Guid, List<TargetUnit>> _byCascade = new();

    public void Put(Guid cascadeExecutionId, List<TargetUnit> targets) => _byCascade[cascadeExecutionId] = targets;

    public List<TargetUnit>? Take(Guid cascadeExecutionId) => _byCascade.TryRemove(cascadeExecutionId, out var targets) ? targets : null;
}
