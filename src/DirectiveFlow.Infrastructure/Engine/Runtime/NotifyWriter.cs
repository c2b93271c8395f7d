using System.Net;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The Notify activity: one outbox email in the step's transaction, to whom the recipient directory says
/// (<see cref="NotifyAddressing"/>), keyed
/// <c>notify:{instance}:{activity}:{branch}</c> so a re-run step never queues it twice.
/// </summary>
public sealed class NotifyWriter(OutboxWriter outbox)
{
    public async Task WriteAsync(FlowStep step, ActivityDefinition activity, FlowScope scope, CancellationToken cancellationToken)
    {
        var props = step.Flow.Properties<NotifyProperties>(activity.Id);
        var unitId = scope.UnitId ?? step.Directive.IssuingUnitId;
        var unit = await SelectorResolver.UnitAsync(step.Db, unitId, cancellationToken);
        var to = (await NotifyAddressing.RecipientsAsync(
            step.Db, props.To, props.Role, unitId, step.Directive.IssuingUnitId, step.Directive.CreatedBy, cancellationToken)).To;
        if (to.Count == 0)
        {
            step.Journal("notify.skipped", $"no address for '{props.To}'", activity.Id);
            return;
        }

        var body = TemplateText.Fill(props.Body, step.Directive, unit);
        var email = new OutboxEmail($"notify:{step.InstanceId:N}:{activity.Id}:{scope.Key}", to)
        {
            Subject = TemplateText.Fill(props.Subject, step.Directive, unit),
            TextBody = body,
            HtmlBody = "<p>" + WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>",
            DirectiveId = step.Directive.Id,
        };
        var written = await outbox.TryInsertAsync(step.Db, email, cancellationToken);
        step.Journal(written ? "notify.queued" : "notify.duplicate", string.Join(';', to), activity.Id);
    }
}
