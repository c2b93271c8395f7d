using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A Notify's settings: an outbox email to <see cref="To"/> (see <see cref="NotifyRecipients"/>), written in
/// the step's transaction. Subject and body may use the same placeholders as a UnitTask's title.</summary>
public sealed record NotifyProperties(string To, string Subject, string Body)
{
    /// <summary>The role named by a <c>role:X</c> recipient, else null.</summary>
    public string? Role => To.StartsWith(NotifyRecipients.RolePrefix, StringComparison.Ordinal) ? To[NotifyRecipients.RolePrefix.Length..] : null;

    public static NotifyProperties From(ActivityDefinition activity) => Read(activity.Properties);

    public static NotifyProperties Read(JsonObject properties)
    {
        var reader = new PropertyReader(properties, "");
        var to = reader.String("to") ?? NotifyRecipients.UnitHead;
        if (!NotifyRecipients.IsValid(to))
        {
            throw new ActivityPropertiesException("to", ErrorCodes.PropertyOneOf, "unitHead, unitOfficers, issuer, role:<name>");
        }

        var subject = reader.String("subject");
        return string.IsNullOrWhiteSpace(subject)
            ? throw new ActivityPropertiesException("subject", ErrorCodes.PropertyRequired)
            : new NotifyProperties(to, subject, reader.String("body") ?? "");
    }
}
