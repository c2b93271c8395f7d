using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>Turns a due effect into its outbox email (template + model).</summary>
public sealed class EffectMessages(string baseUrl, IWorkingDayCalendar calendar)
{
    public static string LocalText(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public string TaskLink(Guid taskId) => Email.Links.EmailLinks.Task(baseUrl, taskId);

    /// <summary>
    /// The effect's email about <paramref name="task"/> as a shared model (<see cref="SharedModel"/>): the task's id
    /// and title, its unit and the recipient's name are placeholders, and it has no recipients. Tasks of the same step
    /// and deadline get the same model (a uniform due group's representative stands for all its tasks); each row gets its own
    /// values and recipients at dispatch, from <see cref="DueEffect.RecipientRole"/> (<see cref="SharedModelRows"/>).
    /// </summary>
    public OutboxEmail SharedEmail(DueEffect effect, SweepTask task, SweepDecision decision, MailDirective? directive, DateTimeOffset now)
    {
        var shared = task with { Id = SharedModel.TaskIdSentinel, Title = SharedModel.TitleSentinel };
        var link = TaskLink(shared.Id);
        var model = new
        {
            task = new { id = shared.Id, title = shared.Title, dueLocal = LocalText(task.DueAt), link },
            unit = new { name = SharedModel.UnitNameSentinel, code = SharedModel.UnitCodeSentinel, headName = SharedModel.UnitHeadNameSentinel },
            directive = new { number = directive?.Number ?? "", title = directive?.Title ?? "" },
            recipient = new { name = SharedModel.RecipientNameSentinel },
            workingDaysLeft = Math.Max(0, calendar.WorkingDaysBetween(now, task.DueAt)),
            workingDaysLate = TaskCategories.WorkingDaysLate(calendar, task.DueAt, now),
            level = effect.Number,
            chaseCount = decision.ChaseCount,
            raised = effect.Kind == DueEffectKind.Raised || (effect.Kind == DueEffectKind.Escalation && decision.IsRaised && effect.Number == decision.EscalationLevel),
            cadence = task.ProgressCadence.ToString(),
            // Only the missing-report notice speaks of the last report; leaving it out of the others keeps their
            // model the same for every task of a uniform due group (see UniformDueGroup).
            lastReportLocal = effect.Kind == DueEffectKind.ProgressMissing ? LocalText(task.LastProgressAt ?? task.AcknowledgedAt ?? task.CreatedAt) : null,
            // Not acknowledged: working days since assigned (from the policy, so a group's tasks share it), and whether
            // this is the escalation to the ladder's first recipient rather than the reminder to the unit.
            notAcknowledged = effect.Kind is DueEffectKind.NotAcknowledged or DueEffectKind.NotAcknowledgedEscalation
                ? new { workingDays = effect.Number, escalated = effect.Kind == DueEffectKind.NotAcknowledgedEscalation }
                : null,
            ics = EmailTemplates.AttachesDeadline(Template(effect.Kind)) ? new { uid = $"{shared.Id:N}@directiveflow", summary = shared.Title, dueUtc = task.DueAt.ToUniversalTime(), url = link } : null,
        };
        return new OutboxEmail(effect.DedupeKey, [])
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
        DueEffectKind.NotAcknowledged or DueEffectKind.NotAcknowledgedEscalation => EmailTemplates.NotAcknowledged,
        _ => EmailTemplates.Escalation,
    };
}
