using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// What happens to a task its unit has not acknowledged: <see cref="RemindAfterWorkingDays"/> working days after it
/// was assigned its unit is reminded ("Nhắc tiếp nhận nhiệm vụ"); <see cref="EscalateAfterWorkingDays"/> working days
/// later the ladder's first recipient is told it was never acknowledged (the task's first chase).
/// JSON (a flow's <c>policies</c> or a task's policy): <c>{"remindAfterWorkingDays": 2, "escalateAfterWorkingDays": 2}</c>.
/// </summary>
public sealed record AcknowledgePolicy(int RemindAfterWorkingDays, int EscalateAfterWorkingDays)
{
    /// <summary>A reminder after 2 working days, the escalation 2 working days after that.</summary>
    public static AcknowledgePolicy Default { get; } = new(2, 2);

    /// <summary>When the unit of a task assigned at <paramref name="assignedAt"/> is reminded (end of that working day).</summary>
    public DateTimeOffset RemindAt(DateTimeOffset assignedAt, IWorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(assignedAt, RemindAfterWorkingDays);

    /// <summary>When a task assigned at <paramref name="assignedAt"/> and still not acknowledged joins the ladder.</summary>
    public DateTimeOffset EscalateAt(DateTimeOffset assignedAt, IWorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(assignedAt, RemindAfterWorkingDays + EscalateAfterWorkingDays);

    public static AcknowledgePolicy? FromJson(JsonObject? json) => json is null ? null : Read(new PropertyReader(json, ""));

    public JsonObject ToJson() => new()
    {
        ["remindAfterWorkingDays"] = RemindAfterWorkingDays,
        ["escalateAfterWorkingDays"] = EscalateAfterWorkingDays,
    };

    internal static AcknowledgePolicy? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static AcknowledgePolicy Read(PropertyReader reader) => new(
        reader.WorkingDays("remindAfterWorkingDays", min: 1) ?? Default.RemindAfterWorkingDays,
        reader.WorkingDays("escalateAfterWorkingDays", min: 1) ?? Default.EscalateAfterWorkingDays);
}
