using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Activities.Words;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.TestSupport.Activities;

/// <summary>
/// An activity type only tests know: it journals its note and goes on through Done. It lives in this one file and is
/// registered in a test's container, to prove a new non-waiting activity needs nothing else.
/// </summary>
public sealed class StampActivity : ActivityHandler
{
    public const string Type = "Stamp";

    /// <summary>Its words, one catalogue per language, as a type from outside Core brings them.</summary>
    private static readonly ActivityWordBook Words = new(
        new Dictionary<string, string> { ["Stamp.Name"] = "Đóng dấu", ["Stamp.Description"] = "Ghi một dòng vào nhật ký.", ["Stamp.note"] = "Ghi chú" },
        new Dictionary<string, string> { ["Stamp.Name"] = "Stamp", ["Stamp.Description"] = "Writes a line to the journal.", ["Stamp.note"] = "Note" });

    public override ActivityDescriptor Descriptor { get; } = new(
        Type, [Outcomes.Done], false, [new("note", "Stamp.note", PropertyFieldKind.Text, Required: true) { Words = Words }], IsBlocking: false)
    { Words = Words };

    public override object? ReadProperties(ActivityDefinition activity) =>
        SummaryText.Text(activity.Properties, "note") ?? "";

    public override void Check(ActivityCheck check)
    {
        if (string.IsNullOrWhiteSpace((string)check.Properties!))
        {
            check.Error(ValidationCodes.InvalidProperties,
                new ErrorMessage(ErrorCodes.WorkflowProperties, Type, check.Activity.Id, new ErrorMessage(ErrorCodes.Required)), "/properties/note");
        }
    }

    public override JsonObject StudioDefaults() => new() { ["note"] = "Đã xem" };

    public override ActivityText Summary(JsonObject properties) => ActivityText.Same(SummaryText.Text(properties, "note") ?? "");

    public override async Task RunAsync(IActivityRun run, CancellationToken cancellationToken)
    {
        run.Journal("stamp.written", run.Properties<string>());
        await run.FollowAsync(Outcomes.Done, cancellationToken);
    }
}
