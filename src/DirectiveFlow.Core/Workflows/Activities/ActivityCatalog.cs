using static DirectiveFlow.Core.Workflows.Activities.PropertyFieldKind;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The built-in activity types: the single source of their ports and fields for the validator and the studio.</summary>
public static class ActivityCatalog
{
    private static readonly PropertyField InstructionsField = new("instructions", "Hướng dẫn", "Instructions", MultilineText);

    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        new(ActivityTypes.Start, "Bắt đầu", "Start", "Điểm bắt đầu của quy trình.", "Where the flow begins.",
            [Outcomes.Done], false, [], IsBlocking: false),
        new(ActivityTypes.UnitTask, "Nhiệm vụ đơn vị", "Unit task",
            "Giao nhiệm vụ cho một đơn vị chủ trì, có đơn vị phối hợp và thời hạn.",
            "Work owed by one lead unit, with supporting units and a deadline.",
            [Outcomes.Done], true,
            [
                new("title", "Tên nhiệm vụ", "Title", Text, Required: true),
                InstructionsField,
                new("lead", "Đơn vị chủ trì", "Lead unit", PropertyFieldKind.Selector),
                new("supporting", "Đơn vị phối hợp", "Supporting units", PropertyFieldKind.Selector),
                new("deadline", "Thời hạn", "Deadline", Deadline, Required: true),
                new("outcomes", "Kết quả", "Outcomes", PropertyFieldKind.Outcomes),
                new("cadence", "Chế độ báo cáo tiến độ", "Progress reporting", Cadence, Options: ["none", "daily", "weekly"]),
                new("reminders", "Nhắc hạn", "Reminders", Reminders),
                new("escalation", "Đôn đốc, báo cáo vượt cấp", "Escalation", Escalation),
                new("allowCompleteBeforeSubCascade", "Cho phép hoàn thành trước khi cấp dưới xong", "May complete before its sub-cascade", PropertyFieldKind.Boolean),
            ],
            IsBlocking: true),
        new(ActivityTypes.Cascade, "Triển khai xuống đơn vị", "Cascade",
            "Tạo một nhánh cho mỗi đơn vị được chọn; nhánh chạy phần thân nối từ cổng Each.",
            "One branch per selected unit; each branch runs the body connected from Each.",
            [Outcomes.Each, Outcomes.Done], false,
            [
                new("targets", "Đơn vị nhận", "Target units", PropertyFieldKind.Selector, Required: true),
                new("completion", "Điều kiện hoàn thành", "Completion", Completion, Options: ["all", "percentage", "deadline"]),
            ],
            IsBlocking: true),
        new(ActivityTypes.Review, "Xem xét, đánh giá", "Review",
            "Đơn vị giao nhiệm vụ chấp nhận kết quả hoặc trả lại để làm lại.",
            "The assigner accepts the result or returns it for rework.",
            [Outcomes.Accepted, Outcomes.Returned], false, [InstructionsField], IsBlocking: true),
        new(ActivityTypes.Decision, "Rẽ nhánh theo điều kiện", "Decision",
            "Điều kiện JavaScript quyết định đi nhánh Đúng hay Sai.", "A JavaScript condition chooses True or False.",
            [Outcomes.True, Outcomes.False], false,
            [new("condition", "Điều kiện", "Condition", Expression, Required: true)], IsBlocking: false),
        new(ActivityTypes.Delay, "Chờ", "Delay", "Chờ một số ngày làm việc hoặc một khoảng thời gian.",
            "Waits a number of working days or a duration.",
            [Outcomes.Done], false, [new("deadline", "Thời gian chờ", "Wait", Deadline, Required: true)], IsBlocking: true),
        new(ActivityTypes.Notify, "Gửi thông báo", "Notify", "Gửi thư điện tử đến đơn vị hoặc vai trò.",
            "Sends an email to a unit or a role.",
            [Outcomes.Done], false,
            [
                new("to", "Người nhận", "Recipient", Recipient, Required: true, Options: [.. NotifyRecipients.Fixed, "role:Issuer"]),
                new("subject", "Tiêu đề", "Subject", Text, Required: true),
                new("body", "Nội dung", "Body", MultilineText),
            ],
            IsBlocking: false),
        new(ActivityTypes.End, "Kết thúc", "End", "Kết thúc nhánh hoặc quy trình.", "Ends the branch or the flow.",
            [], false, [], IsBlocking: false),
    ];

    private static readonly Dictionary<string, ActivityDescriptor> ByType = All.ToDictionary(d => d.Type, StringComparer.Ordinal);

    public static bool IsKnown(string type) => ByType.ContainsKey(type);

    public static ActivityDescriptor? Find(string type) => ByType.GetValueOrDefault(type);

    /// <summary>The descriptor of <paramref name="type"/>; throws <see cref="KeyNotFoundException"/> for an unknown type.</summary>
    public static ActivityDescriptor Get(string type) =>
        ByType.TryGetValue(type, out var descriptor) ? descriptor : throw new KeyNotFoundException($"Unknown activity type '{type}'.");

    /// <summary>Every outcome port <paramref name="activity"/> exposes: its type's fixed ports plus, for a UnitTask,
    /// the extra <c>outcomes</c> it lists. Empty for an unknown type; unreadable outcomes fall back to the fixed ports.</summary>
    public static IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
    {
        if (Find(activity.Type) is not { } descriptor)
        {
            return [];
        }

        if (!descriptor.HasConfigurableOutcomes)
        {
            return descriptor.FixedOutcomes;
        }

        try
        {
            return new PropertyReader(activity.Properties, "").Strings("outcomes") is { } extra
                ? descriptor.FixedOutcomes.Concat(extra).Distinct(StringComparer.Ordinal).ToList()
                : descriptor.FixedOutcomes;
        }
        catch (ActivityPropertiesException)
        {
            return descriptor.FixedOutcomes;
        }
    }
}
