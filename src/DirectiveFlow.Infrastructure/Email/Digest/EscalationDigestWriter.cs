using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Email.Digest;

/// <summary>
/// Gathers the escalations the dispatcher held (<see cref="OutboxStatus.Held"/>) into one digest per recipient per
/// window. Each digest is one outbox row, keyed <c>escalation-digest:{recipient}:{window}</c>, written in the same
/// transaction that marks its held rows <see cref="OutboxStatus.Digested"/> and points them at it, guarded by their
/// status: of two nodes (or a node that crashed and ran again) one writes it, and no held row is in two digests.
/// </summary>
public sealed class EscalationDigestWriter(
    DirectiveFlowDbContext db,
    IWorkingDayCalendar calendar,
    EscalationDigestOptions options,
    OutboxOptions outbox,
    ILogger<EscalationDigestWriter> logger)
{
    public const string KeyPrefix = "escalation-digest:";

    /// <summary>
    /// Whether an email from <paramref name="template"/> addressed to <paramref name="role"/> waits for its recipient's
    /// digest: an escalation to a superior unit's head or to the issuing leadership, unless marked immediate. The unit's
    /// own head gets each escalation of its task at once.
    /// </summary>
    public static bool Holds(string? template, string? role)
    {
        if (template != EmailTemplates.Escalation || role is null)
        {
            return false;
        }

        var (plain, immediate) = RecipientRoles.Parse(role);
        return !immediate && (plain == RecipientRoles.ParentHead || plain == RecipientRoles.IssuerLeadership);
    }

    /// <summary>
    /// The day of the daily window open at <paramref name="now"/>: the last working day whose <see cref="EscalationDigestOptions.At"/>
    /// has passed (null when none has in the last 60 days).
    /// </summary>
    public static DateOnly? DailyWindow(DateTimeOffset now, TimeSpan at, IWorkingDayCalendar calendar)
    {
        var today = VietnamTime.DateOf(now);
        for (var back = 0; back <= 60; back++)
        {
            var day = today.AddDays(-back);
            if (calendar.IsWorkingDay(day) && VietnamTime.At(day, TimeOnly.FromTimeSpan(at)) <= now)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>One recipient list as a key: its addresses in lower case, each once, in order.</summary>
    public static string RecipientKey(string to)
    {
        var key = string.Join(';', to.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        // The dedupe key holds 200 characters: a long list is named by its hash.
        return key.Length <= 150 ? key : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    /// <summary>
    /// Writes the digests due at <paramref name="now"/>; answers how many. Nothing is written while escalations are
    /// still waiting to be completed (another dispatcher may be about to hold them), so a window's digest lists every
    /// escalation written before it.
    /// </summary>
    public async Task<int> WriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = options.Window == EscalationDigestWindow.Daily ? DailyWindow(now, options.At, calendar) : VietnamTime.DateOf(now);
        if (window is not { } windowDate)
        {
            return 0;
        }

        // A task closed since its escalation was held is not reported as late: a digest left with nothing is not written.
        await ClosedTaskChases.SkipHeldAsync(db, cancellationToken);
        if (!await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Held, cancellationToken)
            || await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending && m.Template == EmailTemplates.Escalation && m.Subject == "", cancellationToken))
        {
            return 0;
        }

        var held = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Held && m.ModelJson != null)
            .Select(m => new HeldRow(m.Id, m.TaskId, m.DirectiveId, m.To, m.ModelJson!))
            .ToListAsync(cancellationToken);

        var written = 0;
        foreach (var recipient in (await LinesAsync(held, now, cancellationToken)).GroupBy(l => RecipientKey(l.Row.To)))
        {
            var rows = recipient.Select(l => l.Line).ToList();
            var windowKey = options.Window == EscalationDigestWindow.Daily
                ? windowDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                : "sweep-" + rows.Min(r => r.RowId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = $"{KeyPrefix}{recipient.Key}:{windowKey}";
            if (await db.Outbox.AnyAsync(m => m.TaskId == null && m.DedupeKey == key, cancellationToken))
            {
                continue; // this window's digest went out already: the rest wait for the next window
            }

            var model = EscalationDigest.Build(rows, outbox.BaseUrl, windowDate);
            if (await TryWriteAsync(key, recipient.First().Row.To, model, [.. rows.Select(r => r.RowId)], now, cancellationToken))
            {
                written++;
            }
        }

        return written;
    }

    /// <summary>
    /// Of the rows one batch claimed, the digests listing a task closed since they were written (they waited out an SMTP
    /// outage, or were retried as dead letters): a closed task's escalations become <see cref="OutboxStatus.Skipped"/>,
    /// as when it closes while held, and the digest is built again from the others (and rendered again before it goes);
    /// a digest left with none is answered, now <see cref="OutboxStatus.Skipped"/> too. One query for the batch when no
    /// listed task closed.
    /// </summary>
    public async Task<List<OutboxMessage>> LeaveOutClosedTasksAsync(IEnumerable<OutboxMessage> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listed = claimed.Where(m => m.Template == EmailTemplates.EscalationDigest && m.TaskId == null)
            .Select(m => (Digest: m, Model: ModelOf(m)))
            .Where(d => d.Model is { Directives: not null })
            .Select(d => (d.Digest, Model: d.Model!, Tasks: d.Model!.Directives.SelectMany(x => x.Units).SelectMany(u => u.Tasks)
                .Select(t => t.TaskId).Where(id => id != Guid.Empty).ToList()))
            .ToList();
        var taskIds = listed.SelectMany(d => d.Tasks).Distinct().ToList();
        if (taskIds.Count == 0)
        {
            return [];
        }

        var closed = (await ClosedTaskChases.Closed(db).Where(t => taskIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var emptied = new List<OutboxMessage>();
        foreach (var (digest, model, tasks) in listed.Where(d => d.Tasks.Any(closed.Contains)))
        {
            // By the (task, key) index: the digest's own rows, the escalations of the tasks it lists.
            var rows = await db.Outbox.Where(m => m.TaskId != null && tasks.Contains(m.TaskId.Value) && m.DigestId == digest.Id).ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => closed.Contains(r.TaskId!.Value)))
            {
                row.Status = OutboxStatus.Skipped;
                row.DigestId = null;
            }

            var kept = rows.Where(r => r.Status == OutboxStatus.Digested && r.ModelJson is not null)
                .Select(r => new HeldRow(r.Id, r.TaskId, r.DirectiveId, r.To, r.ModelJson!)).ToList();
            if (kept.Count == 0)
            {
                digest.Status = OutboxStatus.Skipped;
                emptied.Add(digest);
            }
            else
            {
                var windowDate = DateOnly.ParseExact(model.DateLocal, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
                var lines = (await LinesAsync(kept, now, cancellationToken)).Select(l => l.Line);
                digest.ModelJson = JsonSerializer.Serialize(EscalationDigest.Build(lines, outbox.BaseUrl, windowDate), OutboxWriter.ModelJson);
                (digest.Subject, digest.HtmlBody, digest.TextBody) = ("", "", "");
            }

            // The rows and the digest in one save: a crash leaves the digest as it was, to be revised again.
            await db.SaveChangesAsync(cancellationToken);
            rows.ForEach(r => db.Entry(r).State = EntityState.Detached);
        }

        return emptied;
    }

    // A model that cannot be read is left to rendering, which makes the row a dead letter. A digest written before
    // its tasks were named in it (no task id) goes out as written.
    private static EscalationDigestModel? ModelOf(OutboxMessage digest)
    {
        try
        {
            return digest.ModelJson is null ? null : JsonSerializer.Deserialize<EscalationDigestModel>(digest.ModelJson, OutboxWriter.ModelJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Held rows as lines of a digest, with their tasks' figures as of <paramref name="now"/>.</summary>
    private async Task<List<(HeldRow Row, HeldEscalation Line)>> LinesAsync(IReadOnlyList<HeldRow> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taskIds = held.Where(h => h.TaskId != null).Select(h => h.TaskId!.Value).Distinct().ToList();
        var figures = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.DueAt, t.ChaseCount })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. held.Select(h =>
        {
            var line = HeldEscalation.FromModel(h.Id, h.TaskId, h.DirectiveId, h.ModelJson);
            // As of the digest, not of the escalation: a daily digest may go out a day after the step.
            return (h, figures.TryGetValue(line.TaskId, out var task)
                ? line with { WorkingDaysLate = TaskCategories.WorkingDaysLate(calendar, task.DueAt, now), ChaseCount = task.ChaseCount }
                : line);
        })];
    }

    private sealed record HeldRow(long Id, Guid? TaskId, Guid? DirectiveId, string To, string ModelJson);

    private async Task<bool> TryWriteAsync(
        string key, string to, EscalationDigestModel model, List<long> heldIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = new OutboxMessage
        {
            DedupeKey = key,
            To = to,
            Subject = "",
            HtmlBody = "",
            TextBody = "",
            Template = EmailTemplates.EscalationDigest,
            ModelJson = JsonSerializer.Serialize(model, OutboxWriter.ModelJson),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Outbox.Add(digest);
            await db.SaveChangesAsync(cancellationToken);
            var marked = await db.Outbox
                .Where(m => heldIds.Contains(m.Id) && m.Status == OutboxStatus.Held)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Digested).SetProperty(m => m.DigestId, digest.Id), cancellationToken);
            if (marked != heldIds.Count)
            {
                // Another node digested some of them meanwhile: its digest stands, this one is not written.
                await transaction.RollbackAsync(cancellationToken);
                db.Entry(digest).State = EntityState.Detached;
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            db.Entry(digest).State = EntityState.Detached;
            // The digest is the email that goes out; the escalations it holds were counted when the sweep queued them.
            EmailTelemetry.Queued(1, "digest");
            return true;
        }
        catch (DbUpdateException ex)
        {
            // The key exists: another node wrote this window's digest first.
            logger.LogInformation(ex, "Escalation digest {Key} was written by another dispatcher", key);
            await transaction.RollbackAsync(cancellationToken);
            db.Entry(digest).State = EntityState.Detached;
            return false;
        }
    }
}
