using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>Turns a due effect into its outbox email (template + model).</summary>
public sealed class EffectMessages(string baseUrl, IWorkingDayCalendar calendar)
{
    public static string LocalText(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public string TaskLink(Guid taskId) => $"{baseUrl.TrimEnd('/')}/tasks/{taskId}";

    public OutboxEmail Email(DueEffect effect, SweepTask task, SweepDecision decision, SweepDirectory directory, DateTimeOffset now)
    {
        var (to, recipientName) = directory.Recipients(effect.RecipientRole, task.Addressing);
        var unit = directory.Unit(task.UnitId);
        return Build(effect, task, decision, directory.Directive(task.DirectiveId),
            (unit?.Name ?? "", unit?.Code ?? "", unit?.HeadName), recipientName, to, now);
    }

    /// <summary>
    /// The effect's email for every task of a class, as one shared model (<see cref="SharedModel"/>): the task's id
    /// and title, its unit and the recipient's name are sentinels, and it has no recipients: each row gets its own at
    /// dispatch, from <see cref="DueEffect.RecipientRole"/>. <paramref name="representative"/> carries the sentinels.
    /// </summary>
    public OutboxEmail SharedEmail(DueEffect effect, SweepTask representative, SweepDecision decision, SweepDirective? directive, DateTimeOffset now) =>
        Build(effect, representative, decision, directive,
            (SharedModel.UnitNameSentinel, SharedModel.UnitCodeSentinel, SharedModel.UnitHeadNameSentinel), SharedModel.RecipientNameSentinel, [], now);

    private OutboxEmail Build(
        DueEffect effect, SweepTask task, SweepDecision decision, SweepDirective? directive,
        (string Name, string Code, string? HeadName) unit, string recipientName, IReadOnlyList<string> to, DateTimeOffset now)
    {
        var link = TaskLink(task.Id);
        var model = new
        {
            task = new { id = task.Id, title = task.Title, dueLocal = LocalText(task.DueAt), link },
            unit = new { name = unit.Name, code = unit.Code, headName = unit.HeadName },
            directive = new { number = directive?.Number ?? "", title = directive?.Title ?? "" },
            recipient = new { name = recipientName },
            workingDaysLeft = Math.Max(0, calendar.WorkingDaysBetween(now, task.DueAt)),
            // Past the deadline is at least one working day late, even before the next working day has begun.
            workingDaysLate = now > task.DueAt ? Math.Max(1, -calendar.WorkingDaysBetween(now, task.DueAt)) : 0,
            level = effect.Number,
            chaseCount = decision.ChaseCount,
            raised = effect.Kind == DueEffectKind.Raised || (effect.Kind == DueEffectKind.Escalation && decision.IsRaised && effect.Number == decision.EscalationLevel),
            cadence = task.ProgressCadence.ToString(),
            // Only the missing-report notice speaks of the last report; leaving it out of the others keeps their
            // model the same for every task of a sweep class (see SweepClass).
            lastReportLocal = effect.Kind == DueEffectKind.ProgressMissing ? LocalText(task.LastProgressAt ?? task.AcknowledgedAt ?? task.CreatedAt) : null,
            ics = new { uid = $"{task.Id:N}@directiveflow", summary = task.Title, dueUtc = task.DueAt.ToUniversalTime(), url = link },
        };
        return new OutboxEmail(effect.DedupeKey, to)
        {
            Template = Template(effect.Kind),
            Model = model,
            TaskId = task.Id,
            DirectiveId = task.DirectiveId,
        };
    }

    private static string Template(DueEffectKind kind) => kind switch
    {
        DueEffectKind.Reminder => EmailTemplates.Reminder,
        DueEffectKind.DueToday => EmailTemplates.DueToday,
        DueEffectKind.ProgressMissing => EmailTemplates.ProgressMissing,
        _ => EmailTemplates.Escalation,
    };
}
