using System.Text.Json.Nodes;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// A UnitTask activity's settings evaluated once for a step or a cascade batch (deadline, first reminder, cadence,
/// policy), so writing thousands of branch tasks costs only the per-unit title fill and the row itself.
/// </summary>
public sealed class TaskTemplate
{
    private readonly FlowStep _step;
    private readonly Func<TargetUnit?, string> _title;
    private readonly Func<TargetUnit?, string> _instructions;

    public TaskTemplate(FlowStep step, string activityId, DeadlineCalculator deadlines)
    {
        _step = step;
        ActivityId = activityId;
        Properties = step.Flow.Properties<UnitTaskProperties>(activityId);
        DueAt = deadlines.DueAt(Properties.Deadline, step.Directive.Inputs, step.Now);
        var reminders = Properties.EffectiveReminders(step.Flow.Policies);
        NextActionAt = deadlines.FirstActionAt(reminders, DueAt, step.Now);
        PolicyJson = new JsonObject
        {
            ["reminders"] = reminders.ToJson(),
            ["escalation"] = Properties.EffectiveEscalation(step.Flow.Policies).ToJson(),
        }.ToJsonString();
        Cadence = Properties.Cadence.Resolve(step.Directive.Inputs);
        RequiresReview = step.Flow.ReviewAfter(activityId) is not null;
        _title = TemplateText.Compile(Properties.Title, step.Directive);
        _instructions = TemplateText.Compile(Properties.Instructions, step.Directive);
    }

    public string ActivityId { get; }

    public UnitTaskProperties Properties { get; }

    public DateTimeOffset DueAt { get; }

    public DateTimeOffset NextActionAt { get; }

    public string PolicyJson { get; }

    public ProgressCadence Cadence { get; }

    public bool RequiresReview { get; }

    /// <summary>The task row for <paramref name="unit"/> (not yet added to any context).</summary>
    public UnitTask CreateFor(TargetUnit unit, FlowScope scope, Guid assignerUnitId, Guid? parentTaskId = null) => new()
    {
        Id = Guid.CreateVersion7(_step.Now),
        DirectiveId = _step.Directive.Id,
        InstanceId = _step.InstanceId,
        ActivityId = ActivityId,
        CascadeExecutionId = scope.CascadeExecutionId,
        ParentTaskId = parentTaskId,
        UnitId = unit.Id,
        AssignerUnitId = assignerUnitId,
        Title = Truncate(_title(unit), 500),
        Instructions = _instructions(unit),
        Status = UnitTaskStatus.Assigned,
        CreatedAt = _step.Now,
        DueAt = DueAt,
        OriginalDueAt = DueAt,
        ProgressCadence = Cadence,
        RequiresReview = RequiresReview,
        AllowCompleteBeforeSubCascade = Properties.AllowCompleteBeforeSubCascade,
        NextActionAt = NextActionAt,
        PolicyJson = PolicyJson,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
