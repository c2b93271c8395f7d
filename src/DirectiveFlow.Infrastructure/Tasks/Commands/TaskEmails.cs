using System.Net;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using Microsoft.EntityFrameworkCore;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// Writes the outbox emails of task events to the unit concerned as a whole (<see cref="MailRecipients.WholeUnit"/>),
/// in the recipients' language (Vietnamese unless they all prefer English),
/// in the command's own transaction. The dedupe key names the task, the event and the task's new concurrency stamp,
/// so a retried commit cannot send twice.
/// </summary>
public static class TaskEmails
{
    public static Task QueueAsync(
        TaskWorkspace workspace, UnitTask task, Guid toUnitId, string eventCode, string subjectVi, string subjectEn, string? detail,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(workspace, task, toUnitId, eventCode, subjectVi, subjectEn, detail, now, withDeadline: false, cancellationToken);

    /// <summary><see cref="QueueAsync"/> with the task's (new) deadline attached as an <c>.ics</c>: an approved extension.</summary>
    public static Task QueueWithDeadlineAsync(
        TaskWorkspace workspace, UnitTask task, Guid toUnitId, string eventCode, string subjectVi, string subjectEn, string? detail,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(workspace, task, toUnitId, eventCode, subjectVi, subjectEn, detail, now, withDeadline: true, cancellationToken);

    /// <summary>
    /// The email of a task event to one person (the officer a task is given to), with the task's deadline as <c>.ics</c>,
    /// in the person's language.
    /// </summary>
    public static async Task QueueToPersonAsync(
        TaskWorkspace workspace, UnitTask task, string email, string eventCode, string subjectVi, string subjectEn, string? detail,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var units = await MailDirectory.UnitsAsync(workspace.Db, [task.UnitId], cancellationToken);
        await WriteToAsync(workspace, task, MailRecipients.Clean([email]), units.GetValueOrDefault(task.UnitId), eventCode, subjectVi, subjectEn,
            detail, now, withDeadline: true, cancellationToken);
    }

    private static async Task WriteAsync(
        TaskWorkspace workspace, UnitTask task, Guid toUnitId, string eventCode, string subjectVi, string subjectEn, string? detail,
        DateTimeOffset now, bool withDeadline, CancellationToken cancellationToken)
    {
        var units = await MailDirectory.UnitsAsync(workspace.Db, [toUnitId, task.UnitId], cancellationToken);
        var recipients = units.TryGetValue(toUnitId, out var unit) ? MailRecipients.WholeUnit(unit).To : [];
        await WriteToAsync(workspace, task, recipients, units.GetValueOrDefault(task.UnitId), eventCode, subjectVi, subjectEn, detail, now,
            withDeadline, cancellationToken);
    }

    private static async Task WriteToAsync(
        TaskWorkspace workspace, UnitTask task, IReadOnlyList<string> recipients, MailUnit? lead, string eventCode, string subjectVi,
        string subjectEn, string? detail, DateTimeOffset now, bool withDeadline, CancellationToken cancellationToken)
    {
        var db = workspace.Db;
        if (recipients.Count == 0)
        {
            return;
        }

        // One reader, one language: English only when every recipient is a user who prefers it (as the sweep's emails).
        var to = OutboxFields.To(recipients);
        var language = await RecipientLanguages.ResolveAsync(db, to, cancellationToken);
        var english = language == "en";
        var subject = english ? subjectEn : subjectVi;
        var link = workspace.TaskLink(task.Id);
        var open = english ? "Open the task" : "Mở nhiệm vụ";
        var document = DocumentLines(await DirectiveReferences.LoadAsync(db, [task.DirectiveId], cancellationToken), task.DirectiveId, english);
        var text = $"{subject}: {task.Title}\n{detail}".TrimEnd() + string.Concat(document.Select(l => "\n" + l)) + $"\n\n{open}: {link}";
        var html = $"<p><strong>{WebUtility.HtmlEncode(subject)}</strong>: {WebUtility.HtmlEncode(task.Title)}</p>"
            + (detail is null ? "" : $"<p>{WebUtility.HtmlEncode(detail)}</p>")
            + string.Concat(document.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{open}</a></p>";
        db.Outbox.Add(new OutboxMessage
        {
            DedupeKey = $"task:{task.Id:N}:{eventCode}:{task.ConcurrencyStamp}",
            To = to,
            // As every single-task subject: what happened, then who is responsible, then the task.
            Subject = OutboxFields.Subject(lead is not null
                ? $"[{subject}] {lead.Name} – {OutboxFields.SubjectTitle(task.Title)}"
                : $"[{subject}] {OutboxFields.SubjectTitle(task.Title)}"),
            HtmlBody = html,
            TextBody = text,
            TaskId = task.Id,
            DirectiveId = task.DirectiveId,
            IcsContent = withDeadline ? IcsBuilder.Build($"{task.Id:N}@directiveflow", task.Title, task.DueAt, null, language) : null,
            IcsFileName = withDeadline ? IcsBuilder.FileName : null,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        EmailTelemetry.Queued(1, "task");
    }

    /// <summary>The directive as a letter cites it, and its overall deadline when it has one.</summary>
    private static List<string> DocumentLines(Dictionary<Guid, DirectiveReference> references, Guid directiveId, bool english)
    {
        if (!references.TryGetValue(directiveId, out var reference))
        {
            return [];
        }

        var lines = new List<string> { (english ? "Directive: " : "Văn bản: ") + reference.Text(english) + "." };
        if (reference.DeadlineText is { } deadline)
        {
            lines.Add((english ? "Overall deadline: " : "Hạn hoàn thành chung: ") + deadline + ".");
        }

        return lines;
    }
}
