using System.Globalization;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// Tells each unit whose work a withdrawn directive stopped: one "Thu hồi văn bản" email per unit (however many of its
/// tasks were cancelled), naming the directive, who withdrew it, when and why, with a link to one of its stopped tasks.
/// Written as a cascade's notices are: one shared model carrying the list (<see cref="OutboxModel.Notices"/>), made rows
/// by the dispatcher, so a directive to 13,000 units writes one row in the withdrawal's transaction.
/// </summary>
public sealed class WithdrawalNoticeWriter(OutboxOptions options)
{
    /// <summary>
    /// Adds the model to <paramref name="db"/> (the caller's <c>SaveChanges</c> writes it); answers how many units it tells.
    /// </summary>
    public int Write(
        DirectiveFlowDbContext db, Directive directive, DirectiveReference reference, IReadOnlyList<CancelledTask> cancelled, string withdrawnBy, DateTimeOffset now)
    {
        var list = new StringBuilder();
        var units = 0;
        foreach (var task in cancelled.GroupBy(t => t.UnitId).Select(g => g.MinBy(t => t.Id)!))
        {
            PendingNotices.Append(list, task.Id, AssignmentKeys.Lead(EmailTemplates.Withdrawn, task.Version));
            units++;
        }

        if (units == 0)
        {
            return 0;
        }

        db.OutboxModels.Add(new OutboxModel
        {
            Json = Json(directive, reference, withdrawnBy, now), RecipientRole = RecipientRoles.Unit, CreatedAt = now,
            Notices = list.ToString(), NoticeCount = units, NoticeTemplate = EmailTemplates.Withdrawn, NoticeDirectiveId = directive.Id,
        });
        EmailTelemetry.Queued(units, "notice");
        return units;
    }

    private string Json(Directive directive, DirectiveReference reference, string withdrawnBy, DateTimeOffset now)
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
            },
            recipient = new { name = SharedModel.RecipientNameSentinel },
        };
        return JsonSerializer.Serialize(model, OutboxWriter.ModelJson);
    }
}
