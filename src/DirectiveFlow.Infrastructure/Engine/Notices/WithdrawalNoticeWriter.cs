using System.Globalization;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// Tells each unit whose work a withdrawn directive stopped: one "Thu hồi văn bản" email per unit (however many of its
/// tasks were cancelled), naming the directive, who withdrew it, when and why, with a link to one of its stopped tasks.
/// A supporting unit (phối hợp) named on a cancelled task and yet to give its contribution is told too, that its part
/// has stopped, unless it leads a cancelled task itself (that email covers it): it has no task of its own, but it was
/// asked by email to contribute and would otherwise still think it must (<see cref="WithdrawalRecipients"/>).
/// Written as a cascade's notices are: one shared model per role carrying the list (<see cref="OutboxModel.Notices"/>),
/// made rows by the dispatcher, so a directive to 13,000 units writes one or two rows in the withdrawal's transaction.
/// </summary>
public sealed class WithdrawalNoticeWriter(OutboxOptions options)
{
    /// <summary>
    /// Adds the models to <paramref name="db"/> (the caller's <c>SaveChanges</c> writes them); answers how many units they tell.
    /// </summary>
    public async Task<int> WriteAsync(
        DirectiveFlowDbContext db, Directive directive, DirectiveReference reference, IReadOnlyList<CancelledTask> cancelled, string withdrawnBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = new StringBuilder();
        var told = new HashSet<Guid>();
        foreach (var task in cancelled.GroupBy(t => t.UnitId).Select(g => g.MinBy(t => t.Id)!))
        {
            PendingNotices.Append(leads, task.Id, AssignmentKeys.Lead(EmailTemplates.Withdrawn, task.Version));
            told.Add(task.UnitId);
        }

        var supporting = new StringBuilder();
        var supportingCount = 0;
        // By instance, not by a list of thousands of ids; tasks cancelled before the withdrawal are left out by the rule.
        var scope = db.Tasks.Where(t => t.InstanceId == directive.InstanceId && t.Status == UnitTaskStatus.Cancelled);
        var byId = cancelled.ToDictionary(t => t.Id);
        foreach (var (unitId, taskId) in await WithdrawalRecipients.SupportingAsync(db, scope, [.. cancelled.Select(t => (t.Id, t.UnitId))], cancellationToken))
        {
            told.Add(unitId);
            PendingNotices.Append(supporting, taskId, AssignmentKeys.WithdrawnSupporting(unitId, byId[taskId].Version));
            supportingCount++;
        }

        Add(db, directive, reference, withdrawnBy, now, RecipientRoles.Unit, leads, told.Count - supportingCount);
        Add(db, directive, reference, withdrawnBy, now, RecipientRoles.SupportingUnit, supporting, supportingCount);
        if (told.Count > 0)
        {
            EmailTelemetry.Queued(told.Count, "notice");
        }

        return told.Count;
    }

    private void Add(
        DirectiveFlowDbContext db, Directive directive, DirectiveReference reference, string withdrawnBy, DateTimeOffset now, string role,
        StringBuilder notices, int count)
    {
        if (count == 0)
        {
            return;
        }

        db.OutboxModels.Add(new OutboxModel
        {
            Json = Json(directive, reference, withdrawnBy, now, supporting: role == RecipientRoles.SupportingUnit), RecipientRole = role, CreatedAt = now,
            Notices = notices.ToString(), NoticeCount = count, NoticeTemplate = EmailTemplates.Withdrawn, NoticeDirectiveId = directive.Id,
        });
    }

    private string Json(Directive directive, DirectiveReference reference, string withdrawnBy, DateTimeOffset now, bool supporting)
    {
        var model = new
        {
            task = new { id = SharedModel.TaskIdSentinel, title = SharedModel.TitleSentinel, link = Email.Links.EmailLinks.Task(options.BaseUrl, SharedModel.TaskIdSentinel) },
            unit = new { name = SharedModel.UnitNameSentinel, code = SharedModel.UnitCodeSentinel },
            directive = new
            {
                number = directive.Number, title = directive.Title,
                reference = new { vi = reference.Text(english: false), en = reference.Text(english: true) },
            },
            issuer = new { name = reference.IssuingUnitName },
            withdrawal = new
            {
                date = VietnamTime.DateOf(now).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                by = withdrawnBy,
                reason = directive.WithdrawalReason ?? "",
                supporting,
            },
            recipient = new { name = SharedModel.RecipientNameSentinel },
        };
        return JsonSerializer.Serialize(model, OutboxWriter.ModelJson);
    }
}
