using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// The escalation ladder for an overdue task, and Hà Nội's rule that a task chased more than
/// <see cref="RaiseAfterChases"/> times is raised to the issuing leadership (QĐ 847/QĐ-UBND).
/// JSON: <c>{"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, …], "raiseAfterChases": 3}</c>; a step may add
/// <c>"raise": true</c> and <c>"immediate": true</c>. This is the one ladder: flows are read strictly here, a task's
/// stored copy leniently by <see cref="TaskPolicy.Parse"/>, and the due-work sweep runs it.
/// </summary>
public sealed record EscalationPolicy(IReadOnlyList<EscalationStep> Steps, int RaiseAfterChases)
{
    /// <summary>At the deadline → unit head; +2 working days → the superior unit's head; +5 → the issuing
    /// leadership, raised; raised as well after more than 3 chases.</summary>
    public static EscalationPolicy Default { get; } = new(
        [
            new EscalationStep(0, EscalationTargets.UnitHead),
            new EscalationStep(2, EscalationTargets.ParentHead),
            new EscalationStep(5, EscalationTargets.IssuerLeadership, Raise: true),
        ],
        RaiseAfterChases: 3);

    /// <summary>Whether a task chased <paramref name="chaseCount"/> times must be raised.</summary>
    public bool ShouldRaiseAfter(int chaseCount) => chaseCount > RaiseAfterChases;

    public static EscalationPolicy? FromJson(JsonObject? json) => json is null ? null : Read(new PropertyReader(json, ""));

    /// <summary>The policy as JSON, e.g. to copy onto a task's <c>PolicyJson</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["steps"] = new JsonArray(Steps.Select(s => (JsonNode)StepJson(s)).ToArray()),
        ["raiseAfterChases"] = RaiseAfterChases,
    };

    private static JsonObject StepJson(EscalationStep step)
    {
        var json = new JsonObject { ["afterWorkingDays"] = step.AfterWorkingDays, ["to"] = step.To, ["raise"] = step.Raise };
        if (step.Immediate)
        {
            // Written only when set, so the policies copied onto tasks before it existed read the same.
            json["immediate"] = true;
        }

        return json;
    }

    internal static EscalationPolicy? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static EscalationPolicy Read(PropertyReader reader)
    {
        var steps = new List<EscalationStep>();
        var array = reader.Array("steps") ?? throw new ActivityPropertiesException(reader.PathOf("steps"), Common.Errors.ErrorCodes.PropertyRequired);
        for (var i = 0; i < array.Count; i++)
        {
            var step = new PropertyReader(array[i] as JsonObject
                ?? throw new ActivityPropertiesException($"{reader.PathOf("steps")}[{i}]", Common.Errors.ErrorCodes.PropertyObject), $"{reader.PathOf("steps")}[{i}]");
            var to = step.String("to") ?? throw new ActivityPropertiesException(step.PathOf("to"), Common.Errors.ErrorCodes.PropertyRequired);
            if (!EscalationTargets.All.Contains(to))
            {
                throw new ActivityPropertiesException(step.PathOf("to"), Common.Errors.ErrorCodes.PropertyOneOf, string.Join(", ", EscalationTargets.All));
            }

            var after = step.WorkingDays("afterWorkingDays", min: 0) ?? 0;
            if (steps.Count > 0 && after < steps[^1].AfterWorkingDays)
            {
                throw new ActivityPropertiesException(step.PathOf("afterWorkingDays"), Common.Errors.ErrorCodes.PropertyIncreasing);
            }

            steps.Add(new EscalationStep(after, to, step.Bool("raise") ?? false, step.Bool("immediate") ?? false));
        }

        var raiseAfter = reader.Int("raiseAfterChases") ?? Default.RaiseAfterChases;
        return raiseAfter < 0
            ? throw new ActivityPropertiesException(reader.PathOf("raiseAfterChases"), Common.Errors.ErrorCodes.PropertyAtLeast, 0)
            : new EscalationPolicy(steps, raiseAfter);
    }
}
