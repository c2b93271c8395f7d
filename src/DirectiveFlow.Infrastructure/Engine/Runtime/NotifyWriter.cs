using System.Net;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The Notify activity: one outbox email in the step's transaction, keyed
/// <c>notify:{instance}:{activity}:{branch}</c> so a re-run step never queues it twice.
/// </summary>
public sealed class NotifyWriter(OutboxWriter outbox)
{
    public async Task WriteAsync(FlowStep step, ActivityDefinition activity, FlowScope scope, CancellationToken cancellationToken)
    {
        var props = step.Flow.Properties<NotifyProperties>(activity.Id);
        var unitId = scope.UnitId ?? step.Directive.IssuingUnitId;
        var unit = await SelectorResolver.UnitAsync(step.Db, unitId, cancellationToken);
        var to = await RecipientsAsync(step, props, unitId, cancellationToken);
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

    private static async Task<List<string>> RecipientsAsync(FlowStep step, NotifyProperties props, Guid unitId, CancellationToken cancellationToken)
    {
        var db = step.Db;
        var issuingUnitId = step.Directive.IssuingUnitId;
        IEnumerable<string?> addresses;
        if (props.Role is { } role)
        {
            addresses = await (from user in db.Users
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join r in db.Roles on userRole.RoleId equals r.Id
                               where r.Name == role && user.UnitId == issuingUnitId
                               select user.Email).ToListAsync(cancellationToken);
        }
        else if (props.To == NotifyRecipients.UnitOfficers)
        {
            var contacts = await db.Units.Where(u => u.Id == unitId).Select(u => u.ContactEmails).SingleAsync(cancellationToken);
            var users = await db.Users.Where(u => u.UnitId == unitId).Select(u => u.Email).ToListAsync(cancellationToken);
            addresses = (contacts ?? "").Split(';').Concat(users);
        }
        else if (props.To == NotifyRecipients.Issuer)
        {
            var creator = await db.Users.Where(u => u.UserName == step.Directive.CreatedBy).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
            addresses = creator is not null
                ? [creator]
                : [await db.Units.Where(u => u.Id == issuingUnitId).Select(u => u.HeadEmail).SingleAsync(cancellationToken)];
        }
        else
        {
            addresses = [await db.Units.Where(u => u.Id == unitId).Select(u => u.HeadEmail).SingleAsync(cancellationToken)];
        }

        return addresses.Select(a => a?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
