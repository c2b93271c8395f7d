using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The one place a task row is built. A UnitTask activity's settings evaluated once for a step or a cascade batch
/// (deadline, first reminder, cadence, policy), so writing thousands of branch tasks costs only the per-unit title fill
/// and the row itself; a unit's sub-cascade (<see cref="ForSubCascade"/>) builds its child tasks the same way.
/// </summary>
public sealed class TaskTemplate
{
    private readonly DateTimeOffset _now;
    private readonly Guid _directiveId;
    private readonly Guid _instanceId;
    private readonly Func<TargetUnit?, string> _title;
    private readonly Func<TargetUnit?, string> _instructions;
    private readonly FlowDocument? _directive;
    private readonly DeadlineCalculator? _deadlines;
    private readonly TaskPolicy? _policy;

    public TaskTemplate(FlowStep step, string activityId, DeadlineCalculator deadlines)
    {
        _now = step.Now;
        _directiveId = step.Directive.Id;
        _instanceId = step.InstanceId;
        ActivityId = activityId;
        var properties = step.Flow.Properties<UnitTaskProperties>(activityId);
        Properties = properties;
        DueAt = DeadlineCalculator.Capped(deadlines.DueAt(properties.Deadline, step.Directive.Inputs, step.Now), step.Directive.Deadline);
        var policy = new TaskPolicy(properties.EffectiveReminders(step.Flow.Policies), properties.EffectiveEscalation(step.Flow.Policies),
            step.Flow.Policies.Acknowledge ?? AcknowledgePolicy.Default);
        NextActionAt = deadlines.FirstActionAt(policy, DueAt, step.Now);
        _policy = policy;
        _deadlines = deadlines;
        _directive = step.Directive;
        PolicyJson = policy.ToJson().ToJsonString();
        Cadence = properties.Cadence.Resolve(step.Directive.Inputs);
        RequiresReview = step.Flow.ReviewAfter(activityId) is not null;
        AllowCompleteBeforeSubCascade = properties.AllowCompleteBeforeSubCascade;
        _title = TemplateText.Compile(properties.Title, step.Directive);
        _instructions = TemplateText.Compile(properties.Instructions, step.Directive);
    }

    private TaskTemplate(UnitTask parent, string activityId, string title, string instructions, DateTimeOffset dueAt, DateTimeOffset nextActionAt, DateTimeOffset now)
    {
        _now = now;
        _directiveId = parent.DirectiveId;
        _instanceId = parent.InstanceId;
        ActivityId = activityId;
        DueAt = dueAt;
        NextActionAt = nextActionAt;
        PolicyJson = parent.PolicyJson;
        Cadence = parent.ProgressCadence;
        _title = _ => title;
        _instructions = _ => instructions;
    }

    public string ActivityId { get; }

    /// <summary>The UnitTask activity's settings; null for a sub-cascade, which the unit describes itself.</summary>
    public UnitTaskProperties? Properties { get; }

    public DateTimeOffset DueAt { get; }

    public DateTimeOffset NextActionAt { get; }

    public string? PolicyJson { get; }

    public ProgressCadence Cadence { get; }

    public bool RequiresReview { get; }

    public bool AllowCompleteBeforeSubCascade { get; }

    /// <summary>
    /// The child tasks of <paramref name="parent"/>'s sub-cascade: the unit's own title, instructions and deadline; the
    /// parent's cadence and policy; no review.
    /// </summary>
    public static TaskTemplate ForSubCascade(
        UnitTask parent, string activityId, string title, string instructions, DateTimeOffset dueAt, DateTimeOffset nextActionAt, DateTimeOffset now) =>
        new(parent, activityId, title, instructions, dueAt, nextActionAt, now);

    /// <summary>The task row for <paramref name="unit"/> (not yet added to any context).</summary>
    public UnitTask CreateFor(TargetUnit unit, FlowScope scope, Guid assignerUnitId, Guid? parentTaskId = null) => new()
    {
        Id = Guid.CreateVersion7(_now),
        DirectiveId = _directiveId,
        InstanceId = _instanceId,
        ActivityId = ActivityId,
        CascadeExecutionId = scope.CascadeExecutionId,
        ItemNo = scope.ItemNo,
        ParentTaskId = parentTaskId,
        UnitId = unit.Id,
        AssignerUnitId = assignerUnitId,
        Title = Truncate(_title(unit), 500),
        Instructions = _instructions(unit),
        Status = UnitTaskStatus.Assigned,
        CreatedAt = _now,
        DueAt = DueAt,
        OriginalDueAt = DueAt,
        ProgressCadence = Cadence,
        RequiresReview = RequiresReview,
        AllowCompleteBeforeSubCascade = AllowCompleteBeforeSubCascade,
        NextActionAt = NextActionAt,
        PolicyJson = PolicyJson,
    };

    /// <summary>
    /// The task row of a branch: the row of its item (<see cref="CreateForItem"/>) when the scope runs for one of
    /// <paramref name="items"/>, else the plain row (<see cref="CreateFor"/>).
    /// </summary>
    public UnitTask CreateForBranch(TargetUnit unit, FlowScope scope, Guid assignerUnitId, IReadOnlyDictionary<int, DirectiveItem>? items) =>
        items is not null && items.TryGetValue(scope.ItemNo, out var item)
            ? CreateForItem(unit, scope, assignerUnitId, item)
            : CreateFor(unit, scope, assignerUnitId);

    /// <summary>
    /// The task row for <paramref name="item"/> of an itemized document: the title and instructions filled with the item
    /// (<c>{{item.…}}</c>). The item's lead (<paramref name="unit"/>) is due at the item's own deadline — a date (17:00
    /// that day), or working days from now — else at the activity's. A unit a nested cascade gives work for the item is due
    /// at the activity's deadline, no later than the item's date when it has one (its working days count from the lead's
    /// task, not from this later step). Capped by the directive's overall deadline like every task.
    /// </summary>
    public UnitTask CreateForItem(TargetUnit unit, FlowScope scope, Guid assignerUnitId, DirectiveItem item)
    {
        if (_directive is null || _deadlines is null || _policy is null || Properties is null)
        {
            throw new InvalidOperationException("Items are written from a UnitTask activity, not a sub-cascade.");
        }

        var due = DeadlineCalculator.Capped(
            item.LeadUnitId == unit.Id
                ? _deadlines.ItemDueAt(item, _now) ?? DueAt
                : DeadlineCalculator.Capped(DueAt, item.DeadlineDate is { } date ? DirectiveDocument.DeadlineInstant(date) : null),
            _directive.Deadline);
        var task = CreateFor(unit, scope, assignerUnitId);
        task.Title = Truncate(TemplateText.Compile(Properties.Title, _directive, item)(unit), 500);
        task.Instructions = TemplateText.Compile(Properties.Instructions, _directive, item)(unit);
        task.DueAt = due;
        task.OriginalDueAt = due;
        task.NextActionAt = _deadlines.FirstActionAt(_policy, due, _now);
        task.ItemNo = item.Ordinal;
        return task;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
