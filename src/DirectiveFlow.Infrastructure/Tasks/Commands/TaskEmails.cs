using System.Net;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// Writes the outbox emails of task events, in the recipients' language (Vietnamese unless they all prefer English),
/// in the command's own transaction. The dedupe key names the task, the event and the task's new concurrency stamp,
/// so a retried commit cannot send twice.
/// </summary>
public static class TaskEmails
{
    public static async Task QueueAsync(
        DirectiveFlowDbContext db, UnitTask task, Guid toUnitId, string eventCode, string subjectVi, string subjectEn, string? detail,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == toUnitId)
            .Select(u => new { u.HeadEmail, u.ContactEmails })
            .FirstOrDefaultAsync(cancellationToken);
        var recipients = new[] { unit?.HeadEmail }
            .Concat((unit?.ContactEmails ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (recipients.Length == 0)
        {
            return;
        }

        // One reader, one language: English only when every recipient is a user who prefers it (as the sweep's emails).
        var to = string.Join(';', recipients);
        var english = await RecipientLanguages.ResolveAsync(db, to, cancellationToken) == "en";
        var subject = english ? subjectEn : subjectVi;
        var text = $"{subject}: {task.Title}\n{detail}".TrimEnd();
        var html = $"<p><strong>{WebUtility.HtmlEncode(subject)}</strong>: {WebUtility.HtmlEncode(task.Title)}</p>"
            + (detail is null ? "" : $"<p>{WebUtility.HtmlEncode(detail)}</p>");
        db.Outbox.Add(new OutboxMessage
        {
            DedupeKey = $"task:{task.Id:N}:{eventCode}:{task.ConcurrencyStamp}",
            To = to,
            Subject = $"[DirectiveFlow] {subject}: {task.Title}",
            HtmlBody = html,
            TextBody = text,
            TaskId = task.Id,
            DirectiveId = task.DirectiveId,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
