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
        ActivityTypes.UnitTask,
        [Outcomes.Done], true,
        [
            new("title", "UnitTask.title", Text, Required: true),
            ActivityFields.Instructions,
            new("lead", "UnitTask.lead", PropertyFieldKind.Selector),
            new("supporting", "UnitTask.supporting", PropertyFieldKind.Selector),
            ActivityFields.Deadline("UnitTask.deadline"),
            new("outcomes", "UnitTask.outcomes", PropertyFieldKind.Outcomes),
            new("cadence", "UnitTask.cadence", Cadence, Options: ["none", "daily", "weekly"]),
            new("reminders", "UnitTask.reminders", Reminders),
            new("escalation", "UnitTask.escalation", Escalation),
            new("allowCompleteBeforeSubCascade", "UnitTask.allowCompleteBeforeSubCascade", PropertyFieldKind.Boolean),
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
        check.Template(task.Title, "/properties/title");
        check.Template(task.Instructions, "/properties/instructions");
    }

    public override JsonObject StudioDefaults() => new()
    {
        ["title"] = "Thực hiện {{directive.title}}",
        ["deadline"] = new JsonObject { ["workingDays"] = 5 },
    };

    public override ActivityText Summary(JsonObject properties) => SummaryText.Deadline(SummaryText.Object(properties, "deadline"));

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.AssignTaskAsync(cancellationToken);
}
