using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Workflows.Activities.PropertyFieldKind;

namespace DirectiveFlow.Core.Workflows.Activities.UnitTask;

/// <summary>Work owed by one lead unit, with supporting units and a deadline: the token rests on the task until the
/// unit completes it (through a Review, when one follows).</summary>
public sealed class UnitTaskActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.UnitTask, "Nhiệm vụ đơn vị", "Unit task",
        "Giao nhiệm vụ cho một đơn vị chủ trì, có đơn vị phối hợp và thời hạn.",
        "Work owed by one lead unit, with supporting units and a deadline.",
        [Outcomes.Done], true,
        [
            new("title", "Tên nhiệm vụ", "Title", Text, Required: true),
            ActivityFields.Instructions,
            new("lead", "Đơn vị chủ trì", "Lead unit", PropertyFieldKind.Selector),
            new("supporting", "Đơn vị phối hợp", "Supporting units", PropertyFieldKind.Selector),
            ActivityFields.Deadline("Thời hạn", "Deadline"),
            new("outcomes", "Kết quả", "Outcomes", PropertyFieldKind.Outcomes),
            new("cadence", "Chế độ báo cáo tiến độ", "Progress reporting", Cadence, Options: ["none", "daily", "weekly"]),
            new("reminders", "Nhắc hạn", "Reminders", Reminders),
            new("escalation", "Đôn đốc, báo cáo vượt cấp", "Escalation", Escalation),
            new("allowCompleteBeforeSubCascade", "Cho phép hoàn thành trước khi cấp dưới xong", "May complete before its sub-cascade", PropertyFieldKind.Boolean),
        ],
        IsBlocking: true)
    { Order = 20 };

    public override object? ReadProperties(ActivityDefinition activity) => UnitTaskProperties.From(activity);

    public override void Check(ActivityCheck check)
    {
        var task = check.PropertiesAs<UnitTaskProperties>();
        if (task.Deadline is null)
        {
            check.Error(ValidationCodes.MissingDeadline, new ErrorMessage(ErrorCodes.WorkflowMissingDeadline, check.Activity.Id), "/properties/deadline");
        }

        check.Input(task.Deadline?.Input, "/properties/deadline/input");
        check.Input(task.Lead?.Input, "/properties/lead/input");
        check.Input(task.Supporting?.Input, "/properties/supporting/input");
        check.Input(task.Cadence.Input, "/properties/cadence/input");
    }

    public override JsonObject StudioDefaults() => new()
    {
        ["title"] = "Thực hiện {{directive.title}}",
        ["deadline"] = new JsonObject { ["workingDays"] = 5 },
    };

    public override ActivityText Summary(JsonObject properties) => SummaryText.Deadline(SummaryText.Object(properties, "deadline"));

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.AssignTaskAsync(cancellationToken);
}
