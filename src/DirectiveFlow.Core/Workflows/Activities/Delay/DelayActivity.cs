using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Delay;

/// <summary>Waits a number of working days or a duration: the token rests on a waiting bookmark the sweep wakes.</summary>
public sealed class DelayActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Delay, [Outcomes.Done], false, [ActivityFields.Deadline("Delay.deadline")], IsBlocking: true)
    { Order = 60 };

    public override object? ReadProperties(ActivityDefinition activity) => DelayProperties.From(activity);

    public override void Check(ActivityCheck check) =>
        check.Input(check.PropertiesAs<DelayProperties>().Deadline.Input, "/properties/deadline/input");

    public override JsonObject StudioDefaults() => new() { ["deadline"] = new JsonObject { ["workingDays"] = 1 } };

    public override ActivityText Summary(JsonObject properties) => SummaryText.Deadline(SummaryText.Object(properties, "deadline"));

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken)
    {
        var resumeAt = run.WaitUntil(run.Properties<DelayProperties>().Deadline);
        run.Journal("delay.started", $"resumeAt={resumeAt:O}");
        return Task.CompletedTask;
    }
}
