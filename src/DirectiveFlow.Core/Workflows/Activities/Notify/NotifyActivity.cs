using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities.Notify;

/// <summary>Sends an email to a unit or a role through the outbox, in the step's transaction, and goes on through Done.</summary>
public sealed class NotifyActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Notify,
        [Outcomes.Done], false,
        [
            new("to", "Notify.to", PropertyFieldKind.Recipient, Required: true, Options: [.. NotifyRecipients.Fixed, "role:Issuer"]),
            new("subject", "Notify.subject", PropertyFieldKind.Text, Required: true),
            new("body", "Notify.body", PropertyFieldKind.MultilineText),
        ],
        IsBlocking: false)
    { Order = 70 };

    public override object? ReadProperties(ActivityDefinition activity) => NotifyProperties.From(activity);

    public override void Check(ActivityCheck check)
    {
        var notify = check.PropertiesAs<NotifyProperties>();
        check.Template(notify.Subject, "/properties/subject");
        check.Template(notify.Body, "/properties/body");
    }

    public override JsonObject StudioDefaults() => new()
    {
        ["to"] = "unitHead",
        ["subject"] = "{{directive.number}}: {{directive.title}}",
        ["body"] = "Kính gửi {{unit.name}},",
    };

    public override ActivityText Summary(JsonObject properties) =>
        ActivityText.Of("Summary.To", PortWords.Recipient(SummaryText.Text(properties, "to")));

    public override async Task RunAsync(IActivityRun run, CancellationToken cancellationToken)
    {
        await run.NotifyAsync(cancellationToken);
        await run.FollowAsync(Outcomes.Done, cancellationToken);
    }
}
