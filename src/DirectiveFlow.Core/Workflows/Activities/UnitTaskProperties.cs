using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// A UnitTask's settings: work owed by one lead unit, with optional supporting units, a deadline, extra outcomes,
/// a progress cadence and reminder/escalation policies. <c>title</c> and <c>instructions</c> may contain
/// <c>{{directive.title}}</c>, <c>{{directive.number}}</c>, <c>{{directive.document}}</c>, <c>{{directive.about}}</c>,
/// <c>{{directive.summaryInline}}</c>, <c>{{unit.name}}</c>, <c>{{inputs.x}}</c>, any with <c>| inline</c> (see TemplateText).
/// </summary>
public sealed record UnitTaskProperties : IHasDeadline
{
    DeadlineSpec? IHasDeadline.CountedDeadline => Deadline;

    public required string Title { get; init; }

    public string Instructions { get; init; } = "";

    /// <summary>The lead unit; null means the unit of the enclosing cascade branch.</summary>
    public Selector? Lead { get; init; }

    public Selector? Supporting { get; init; }

    /// <summary>Null only in an invalid definition (the validator reports <c>missing-deadline</c>).</summary>
    public DeadlineSpec? Deadline { get; init; }

    /// <summary>The outcomes the lead unit may finish with; always starts with <c>Done</c>.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [Activities.Outcomes.Done];

    public CadenceSpec Cadence { get; init; } = CadenceSpec.None;

    public ReminderPolicy? Reminders { get; init; }

    public EscalationPolicy? Escalation { get; init; }

    /// <summary>Whether the task may complete while a sub-cascade its unit started is still open.</summary>
    public bool AllowCompleteBeforeSubCascade { get; init; }

    /// <summary>This task's reminders, else the flow's, else <see cref="ReminderPolicy.Default"/>.</summary>
    public ReminderPolicy EffectiveReminders(FlowPolicies flow) => Reminders ?? flow.Reminders ?? ReminderPolicy.Default;

    /// <summary>This task's escalation ladder, else the flow's, else <see cref="EscalationPolicy.Default"/>.</summary>
    public EscalationPolicy EffectiveEscalation(FlowPolicies flow) => Escalation ?? flow.Escalation ?? EscalationPolicy.Default;

    /// <summary>Reads the properties of <paramref name="activity"/>; the title falls back to the activity's name.</summary>
    public static UnitTaskProperties From(ActivityDefinition activity) => Read(activity.Properties, activity.Name);

    public static UnitTaskProperties Read(JsonObject properties, string? fallbackTitle = null)
    {
        var reader = new PropertyReader(properties, "");
        var extra = reader.Strings("outcomes") ?? [];
        if (extra.Any(string.IsNullOrWhiteSpace))
        {
            throw new ActivityPropertiesException("outcomes", ErrorCodes.PropertyOutcomeEmpty);
        }

        return new UnitTaskProperties
        {
            Title = reader.String("title") is { Length: > 0 } title ? title
                : fallbackTitle ?? throw new ActivityPropertiesException("title", ErrorCodes.PropertyRequired),
            Instructions = reader.String("instructions") ?? "",
            Lead = Selector.Read(reader, "lead"),
            Supporting = Selector.Read(reader, "supporting"),
            Deadline = DeadlineSpec.Read(reader, "deadline"),
            Outcomes = new[] { Activities.Outcomes.Done }.Concat(extra).Distinct(StringComparer.Ordinal).ToList(),
            Cadence = CadenceSpec.Read(reader, "cadence"),
            Reminders = ReminderPolicy.Read(reader, "reminders"),
            Escalation = EscalationPolicy.Read(reader, "escalation"),
            AllowCompleteBeforeSubCascade = reader.Bool("allowCompleteBeforeSubCascade") ?? false,
        };
    }
}
