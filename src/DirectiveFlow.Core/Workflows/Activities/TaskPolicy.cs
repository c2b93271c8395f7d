using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// The policy a task carries (<c>UnitTask.PolicyJson</c>), copied from its flow when the task is created:
/// <c>{"reminders": {"beforeWorkingDays": [2, 1]}, "escalation": {"steps": [...], "raiseAfterChases": 3},
/// "acknowledge": {"remindAfterWorkingDays": 2, "escalateAfterWorkingDays": 2}}</c>. Whatever is absent takes its
/// default (<see cref="ReminderPolicy.Default"/>, <see cref="EscalationPolicy.Default"/>, <see cref="AcknowledgePolicy.Default"/>).
/// </summary>
public sealed record TaskPolicy(ReminderPolicy Reminders, EscalationPolicy Escalation, AcknowledgePolicy Acknowledge)
{
    public static TaskPolicy Default { get; } = new(ReminderPolicy.Default, EscalationPolicy.Default, AcknowledgePolicy.Default);

    public JsonObject ToJson() => new()
    {
        ["reminders"] = Reminders.ToJson(),
        ["escalation"] = Escalation.ToJson(),
        ["acknowledge"] = Acknowledge.ToJson(),
    };

    /// <summary>
    /// Reads a stored policy leniently: a stored policy was checked when its flow was published, and whatever is wrong
    /// with it now must not stop the ladder. Malformed JSON gives <see cref="Default"/>; a section that is not an object
    /// its default; steps out of order are sorted, a negative day count is 0 and one beyond
    /// <see cref="InputLimits.MaxWorkingDays"/> is that limit, an unknown recipient is the unit's head, reminder days
    /// outside 1 to that limit are dropped, acknowledgement days outside it take the default. A bare escalation object
    /// (<c>{"steps": …}</c>) is accepted too.
    /// </summary>
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
            return new TaskPolicy(ParseReminders(Get(root, "reminders")), ParseEscalation(escalation), ParseAcknowledge(Get(root, "acknowledge")));
        }
        catch (JsonException)
        {
            return Default;
        }
    }

    private static ReminderPolicy ParseReminders(JsonElement? reminders) =>
        reminders is { ValueKind: JsonValueKind.Object } r && Get(r, "beforeWorkingDays") is { ValueKind: JsonValueKind.Array } days
            ? new ReminderPolicy(days.EnumerateArray().Select(WholeNumber).OfType<int>().Where(d => d is > 0 and <= InputLimits.MaxWorkingDays).Distinct().OrderDescending().ToList())
            : ReminderPolicy.Default;

    private static EscalationPolicy ParseEscalation(JsonElement? escalation)
    {
        if (escalation is not { ValueKind: JsonValueKind.Object } e)
        {
            return EscalationPolicy.Default;
        }

        var steps = Get(e, "steps") is { ValueKind: JsonValueKind.Array } s
            ? s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(ParseStep).OrderBy(x => x.AfterWorkingDays).ToList()
            : EscalationPolicy.Default.Steps;
        var raiseAfter = Get(e, "raiseAfterChases") is { } n ? WholeNumber(n) : null;
        return new EscalationPolicy(steps, raiseAfter is >= 0 ? raiseAfter.Value : EscalationPolicy.Default.RaiseAfterChases);
    }

    private static EscalationStep ParseStep(JsonElement step) => new(
        Get(step, "afterWorkingDays") is { } a && WholeNumber(a) is { } after ? Math.Clamp(after, 0, InputLimits.MaxWorkingDays) : 0,
        // An unknown recipient (the studio offers only these) goes to the unit's head rather than nowhere.
        Get(step, "to") is { ValueKind: JsonValueKind.String } to && EscalationTargets.All.Contains(to.GetString()!) ? to.GetString()! : EscalationTargets.UnitHead,
        Get(step, "raise") is { ValueKind: JsonValueKind.True },
        Get(step, "immediate") is { ValueKind: JsonValueKind.True });

    private static AcknowledgePolicy ParseAcknowledge(JsonElement? acknowledge)
    {
        if (acknowledge is not { ValueKind: JsonValueKind.Object } a)
        {
            return AcknowledgePolicy.Default;
        }

        return new AcknowledgePolicy(
            Get(a, "remindAfterWorkingDays") is { } r && WholeNumber(r) is int remind and >= 1 and <= InputLimits.MaxWorkingDays ? remind : AcknowledgePolicy.Default.RemindAfterWorkingDays,
            Get(a, "escalateAfterWorkingDays") is { } e && WholeNumber(e) is int escalate and >= 1 and <= InputLimits.MaxWorkingDays ? escalate : AcknowledgePolicy.Default.EscalateAfterWorkingDays);
    }

    private static int? WholeNumber(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : null;

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
