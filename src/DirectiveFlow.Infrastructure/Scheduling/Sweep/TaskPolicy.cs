using System.Text.Json;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// A task's reminder and escalation policy, read from <c>UnitTask.PolicyJson</c>:
/// <c>{"reminders": {"beforeWorkingDays": [2, 1]}, "escalation": {"steps": [...], "raiseAfterChases": 3}}</c>
/// (a bare EscalationPolicy object is accepted too). Whatever is absent takes the default: reminders 2 and 1 working
/// days before; at the deadline → unit head; +2 → superior unit's head; +5 → issuing leadership and raised; raised
/// when chased more than 3 times (QĐ 847/QĐ-UBND).
/// </summary>
public sealed record TaskPolicy(IReadOnlyList<int> ReminderDays, IReadOnlyList<EscalationStep> Steps, int RaiseAfterChases)
{
    public static readonly TaskPolicy Default = new(
        [2, 1],
        [
            new EscalationStep(0, EscalationStep.UnitHead, false),
            new EscalationStep(2, EscalationStep.ParentHead, false),
            new EscalationStep(5, EscalationStep.IssuerLeadership, true),
        ],
        3);

    public static TaskPolicy Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Default;
            }

            var escalation = Get(root, "escalation") ?? (Get(root, "steps") is not null ? root : null);
            var reminders = Get(root, "reminders") is { } r ? Get(r, "beforeWorkingDays") : null;
            var steps = escalation is { } e && Get(e, "steps") is { ValueKind: JsonValueKind.Array } s
                ? s.EnumerateArray().Select(ParseStep).OrderBy(x => x.AfterWorkingDays).ToList()
                : Default.Steps;
            return new TaskPolicy(
                reminders is { ValueKind: JsonValueKind.Array } days
                    ? days.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Number).Select(d => d.GetInt32()).Where(d => d > 0).Distinct().OrderDescending().ToList()
                    : Default.ReminderDays,
                steps,
                escalation is { } e2 && Get(e2, "raiseAfterChases") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : Default.RaiseAfterChases);
        }
        catch (JsonException)
        {
            // A malformed policy must not stop the ladder: the default chases the task instead.
            return Default;
        }
    }

    private static EscalationStep ParseStep(JsonElement step) => new(
        Get(step, "afterWorkingDays") is { ValueKind: JsonValueKind.Number } a ? Math.Max(0, a.GetInt32()) : 0,
        // An unknown target (the studio offers only these) goes to the unit's head rather than nowhere.
        Get(step, "to") is { ValueKind: JsonValueKind.String } to && Core.Workflows.Activities.EscalationTargets.All.Contains(to.GetString()!)
            ? to.GetString()!
            : EscalationStep.UnitHead,
        Get(step, "raise") is { ValueKind: JsonValueKind.True });

    private static JsonElement? Get(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
