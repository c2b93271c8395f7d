using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Cascade;

/// <summary>
/// One branch per selected unit; each branch runs the body connected from Each, and the cascade's join takes Done
/// once its completion rule is met. The token rests on the join.
/// </summary>
public sealed class CascadeActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Cascade, "Triển khai xuống đơn vị", "Cascade",
        "Tạo một nhánh cho mỗi đơn vị được chọn; nhánh chạy phần thân nối từ cổng Each.",
        "One branch per selected unit; each branch runs the body connected from Each.",
        [Outcomes.Each, Outcomes.Done], false,
        [
            new("targets", "Đơn vị nhận", "Target units", PropertyFieldKind.Selector, Required: true),
            new("completion", "Điều kiện hoàn thành", "Completion", PropertyFieldKind.Completion, Options: ["all", "percentage", "deadline"]),
        ],
        IsBlocking: true)
    { Order = 30 };

    public override object? ReadProperties(ActivityDefinition activity) => CascadeProperties.From(activity);

    public override void Check(ActivityCheck check)
    {
        var cascade = check.PropertiesAs<CascadeProperties>();
        check.Input(cascade.Targets.Input, "/properties/targets/input");
        check.Input(cascade.Completion.Deadline?.Input, "/properties/completion/deadline/input");
        CheckPort(check, Outcomes.Each, ValidationCodes.CascadeMissingEach, ErrorCodes.WorkflowCascadeMissingEach);
        CheckPort(check, Outcomes.Done, ValidationCodes.CascadeMissingDone, ErrorCodes.WorkflowCascadeMissingDone);
    }

    public override JsonObject StudioDefaults() => new()
    {
        ["targets"] = new JsonObject { ["counterpartsOf"] = "issuer" },
        ["completion"] = new JsonObject { ["mode"] = "all" },
    };

    public override ActivityText Summary(JsonObject properties) => SummaryText.Selector(SummaryText.Object(properties, "targets"));

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.StartCascadeAsync(cancellationToken);

    private static void CheckPort(ActivityCheck check, string outcome, string code, string messageCode)
    {
        if (!check.IsConnected(outcome))
        {
            check.Error(code, new ErrorMessage(messageCode, check.Activity.Id, outcome));
        }
    }
}
