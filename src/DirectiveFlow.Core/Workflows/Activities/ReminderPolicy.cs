using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Reminders before the deadline: <c>{"beforeWorkingDays": [2, 1]}</c> sends one 2 and one 1 working day before.</summary>
public sealed record ReminderPolicy(IReadOnlyList<int> BeforeWorkingDays)
{
    /// <summary>Two reminders: 2 working days and 1 working day before the deadline.</summary>
    public static ReminderPolicy Default { get; } = new([2, 1]);

    public static ReminderPolicy? FromJson(JsonObject? json) => json is null ? null : Read(new PropertyReader(json, ""));

    public JsonObject ToJson() => new() { ["beforeWorkingDays"] = new JsonArray(BeforeWorkingDays.Select(d => (JsonNode)d).ToArray()) };

    internal static ReminderPolicy? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static ReminderPolicy Read(PropertyReader reader)
    {
        var days = reader.WorkingDaysEach("beforeWorkingDays", min: 1) ?? [];
        return new ReminderPolicy(days.Distinct().OrderDescending().ToList());
    }
}
