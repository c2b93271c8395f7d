using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// One engine step: everything it writes goes through <see cref="Db"/> inside one transaction, so state, journal and
/// outbox commit together. Cascades too large to write inline are listed in <see cref="DeferredCascades"/> and
/// written in checkpointed batches after the step commits.
/// </summary>
public sealed class FlowStep
{
    private readonly Dictionary<Guid, Guid?> _cascadeUnits = [];
    private Dictionary<int, DirectiveItem>? _items;

    public required DirectiveFlowDbContext Db { get; init; }

    public required Guid InstanceId { get; init; }

    public required CompiledWorkflow Flow { get; init; }

    public required FlowDocument Directive { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required string Actor { get; init; }

    /// <summary>Cascade executions whose branches are to be written in batches once this step has committed.</summary>
    public List<Guid> DeferredCascades { get; } = [];

    /// <summary>Tokens waiting to move; the walker drains them.</summary>
    public Queue<FlowToken> Pending { get; } = new();

    /// <summary>Whether a cascade too large to write inline may be left to batches after this step commits.</summary>
    public bool CanDeferCascades { get; init; }

    /// <summary>Whether this step completed the instance.</summary>
    public bool CompletedInstance { get; set; }

    /// <summary>Appends a journal row (who, when, what) to this step's transaction.</summary>
    public void Journal(string action, string? detail, string? activityId = null, Guid? taskId = null) =>
        Db.Journal.Add(new JournalEntry
        {
            DirectiveId = Directive.Id,
            InstanceId = InstanceId,
            TaskId = taskId,
            ActivityId = activityId,
            At = Now,
            Actor = Actor,
            Action = action,
            Detail = detail,
        });

    /// <summary>
    /// The directive's items by ordinal (none for a directive issued without items), read once per step — from the
    /// context itself in the issuing step, which adds them in the same transaction before the flow starts.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DirectiveItem>> ItemsAsync(CancellationToken cancellationToken)
    {
        if (_items is null)
        {
            var added = Db.DirectiveItems.Local.Where(i => i.DirectiveId == Directive.Id).ToList();
            _items = added.Count > 0
                ? added.ToDictionary(i => i.Ordinal)
                : await Db.DirectiveItems.AsNoTracking().Where(i => i.DirectiveId == Directive.Id).ToDictionaryAsync(i => i.Ordinal, cancellationToken);
        }

        return _items;
    }

    /// <summary>Remembers the unit a cascade execution runs in (its assigner), to save a lookup per task.</summary>
    public bool TryGetCascadeUnit(Guid executionId, out Guid? unitId) => _cascadeUnits.TryGetValue(executionId, out unitId);

    public void RememberCascadeUnit(Guid executionId, Guid? unitId) => _cascadeUnits[executionId] = unitId;
}
