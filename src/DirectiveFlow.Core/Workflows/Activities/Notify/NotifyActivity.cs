using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Activities.Notify;

/// <summary>Sends an email to a unit or a role through the outbox, in the step's transaction, and goes on through Done.</summary>
public sealed class NotifyActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Notify, "Gửi thông báo", "Notify", "Gửi thư điện tử đến đơn vị hoặc vai trò.",
        "Sends an email to a unit or a role.",
        [Outcomes.Done], false,
        [
            new("to", "Người nhận", "Recipient", PropertyFieldKind.Recipient, Required: true, Options: [.. NotifyRecipients.Fixed, "role:Issuer"]),
            new("subject", "Tiêu đề", "Subject", PropertyFieldKind.Text, Required: true),
            new("body", "Nội dung", "Body", PropertyFieldKind.MultilineText),
        ],
        IsBlocking: false)
    { Order = 70 };

    public override object? ReadProperties(ActivityDefinition activity) => NotifyProperties.From(activity);

    public override JsonObject StudioDefaults() => new()
    {
        ["to"] = "unitHead",
        ["subject"] = "{{directive.number}}: {{directive.title}}",
        ["body"] = "Kính gửi {{unit.name}},",
    };

    public override ActivityText Summary(JsonObject properties) =>
        ActivityText.Same(SummaryText.Text(properties, "to") ?? "?").Prefix("Gửi: ", "To: ");

    public override async Task RunAsync(IActivityRun run, CancellationToken cancellationToken)
    {
        await run.NotifyAsync(cancellationToken);
        await run.FollowAsync(Outcomes.Done, cancellationToken);
    }
}
