using System.Globalization;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// The model of the notices that give tasks to units, shared by every task of one directive, assigner and deadline:
/// the task's id, title and instructions, its unit and the recipient are placeholders (<see cref="SharedModel"/>),
/// put in at dispatch. The deadline is given in working days from <c>now</c>, as a date and as an <c>.ics</c>; the
/// directive is cited as a letter cites it (<see cref="DirectiveReference"/>, in both languages) with its overall deadline.
/// </summary>
public static class AssignmentNoticeModel
{
    public static string Json(
        string baseUrl, IWorkingDayCalendar calendar, MailDirective? directive, string assignerName, DateTimeOffset dueAt, string? comment,
        DateTimeOffset now, DirectiveReference? reference = null)
    {
        var link = Email.Links.EmailLinks.Task(baseUrl, SharedModel.TaskIdSentinel);
        var local = VietnamTime.ToLocal(dueAt);
        var model = new
        {
            task = new
            {
                id = SharedModel.TaskIdSentinel,
                title = SharedModel.TitleSentinel,
                instructions = SharedModel.InstructionsSentinel,
                dueDate = local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                dueLocal = local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture),
                workingDays = Math.Max(0, calendar.WorkingDaysBetween(now, dueAt)),
                link,
            },
            unit = new { name = SharedModel.UnitNameSentinel, code = SharedModel.UnitCodeSentinel },
            assigner = new { name = assignerName },
            directive = new
            {
                number = directive?.Number ?? "", title = directive?.Title ?? "",
                reference = new { vi = reference?.Text(english: false) ?? directive?.Number ?? "", en = reference?.Text(english: true) ?? directive?.Number ?? "" },
                deadline = reference?.DeadlineText ?? "",
            },
            recipient = new { name = SharedModel.RecipientNameSentinel },
            comment,
            ics = new { uid = $"{SharedModel.TaskIdSentinel:N}@directiveflow", summary = SharedModel.TitleSentinel, dueUtc = dueAt.ToUniversalTime(), url = link },
        };
        return JsonSerializer.Serialize(model, OutboxWriter.ModelJson);
    }
}
