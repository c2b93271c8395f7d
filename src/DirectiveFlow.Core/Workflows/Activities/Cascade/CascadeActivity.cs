using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Cascade;

/// <summary>
/// One branch per selected unit (or, over an items input, per item of the document, run for its lead unit); each branch runs the body connected from Each, and the cascade's join takes Done
/// once its completion rule is met. The token rests on the join.
/// </summary>
public sealed class CascadeActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Cascade,
        [Outcomes.Each, Outcomes.Done], false,
        [
            new("targets", "Cascade.targets", PropertyFieldKind.Selector, Required: true),
            new("completion", "Cascade.completion", PropertyFieldKind.Completion, Options: ["all", "percentage", "deadline"]),
            new("narrowable", "Cascade.narrowable", PropertyFieldKind.Boolean),
        ],
        IsBlocking: true)
    { Order = 30 };

    public override object? ReadProperties(ActivityDefinition activity) => CascadeProperties.From(activity);

    public override void Check(ActivityCheck check)
    {
        var cascade = check.PropertiesAs<CascadeProperties>();
        check.Input(cascade.Targets.Input, "/properties/targets/input");
        check.ItemsInput(cascade.Targets.Items, "/properties/targets/items");
        if (cascade.Targets.Items is not null && cascade.Narrowable)
        {
            check.Error(ValidationCodes.ItemsNotNarrowable, new ErrorMessage(ErrorCodes.WorkflowItemsNotNarrowable, check.Activity.Id), "/properties/narrowable");
        }

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
