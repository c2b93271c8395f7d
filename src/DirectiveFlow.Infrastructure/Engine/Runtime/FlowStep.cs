using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Notices;
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

    /// <summary>The unit whose branch this step moves on, when the step was loaded for one; null at the top level.</summary>
    public BranchUnit? Branch { get; init; }

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

    /// <summary>
    /// What this step knows for the notices of tasks <paramref name="assignerUnitId"/> assigns — the directive's citation
    /// and the assigner's name, when the assigner is the issuer or this step's branch unit; null when a lookup is needed.
    /// </summary>
    public NoticeFacts? NoticeFactsFor(Guid assignerUnitId)
    {
        if (Directive.Reference is not { } reference)
        {
            return null;
        }

        var name = assignerUnitId == Directive.IssuingUnitId ? Directive.IssuingUnitName
            : Branch is { } branch && branch.Id == assignerUnitId ? branch.Name
            : null;
        return name is null
            ? null
            : new NoticeFacts(new MailDirective(Directive.Id, Directive.Number, Directive.Title, Directive.IssuingUnitId), reference, assignerUnitId, name);
    }

    /// <summary>Remembers the unit a cascade execution runs in (its assigner), to save a lookup per task.</summary>
    public bool TryGetCascadeUnit(Guid executionId, out Guid? unitId) => _cascadeUnits.TryGetValue(executionId, out unitId);

    public void RememberCascadeUnit(Guid executionId, Guid? unitId) => _cascadeUnits[executionId] = unitId;
}
