using DirectiveFlow.Infrastructure.Identity;
using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// A readable task's history, oldest first: its journal entries and the emails sent about it — every reminder and
/// escalation step is one of those (the sweep's record of the step), shown with its recipients and delivery.
/// </summary>
public sealed record GetTaskJournalQuery(Guid TaskId, PageRequest Page) : IQuery<PagedResult<JournalEntryDto>>;

public sealed class GetTaskJournalHandler(DirectiveFlowDbContext db, TaskReadAccess access)
    : IQueryHandler<GetTaskJournalQuery, PagedResult<JournalEntryDto>>
{
    public async ValueTask<PagedResult<JournalEntryDto>> Handle(GetTaskJournalQuery query, CancellationToken cancellationToken)
    {
        await access.LoadAsync(query.TaskId, cancellationToken);
        // A task's history is tens of lines: both sources are read whole and merged here.
        var entries = await db.Journal.AsNoTracking().Where(j => j.TaskId == query.TaskId)
            .Select(j => new JournalEntryDto(j.Id, j.At, j.Actor, j.Action, j.Detail))
            .ToListAsync(cancellationToken);
        var emails = await db.Outbox.AsNoTracking().Where(m => m.TaskId == query.TaskId)
            .Select(m => new { m.DedupeKey, m.To, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.LastError, m.DigestId })
            .ToListAsync(cancellationToken);
        // An escalation that went out in a leader's digest is delivered when (and as) the digest is.
        var digestIds = emails.Where(m => m.DigestId != null).Select(m => m.DigestId!.Value).Distinct().ToList();
        var digests = await db.Outbox.AsNoTracking().Where(m => digestIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.LastError })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var lines = entries
            .Concat(emails.Select(m => new JournalEntryDto(0, m.CreatedAt, PersonNames.SystemActor, ChaseKeys.ActionOf(m.DedupeKey) ?? "email.queued",
                m.DigestId is { } id && digests.TryGetValue(id, out var digest)
                    ? Delivery(InDigest(m.To, digest.CreatedAt), digest.Status, digest.SentAt, digest.Attempts, digest.LastError)
                    : Delivery(Recipients(m.To), m.Status, m.SentAt, m.Attempts, m.LastError))))
            .OrderBy(e => e.At).ThenBy(e => e.Id == 0 ? 1 : 0).ThenBy(e => e.Id)
            .ToList();
        var page = lines.Skip(query.Page.Skip).Take(query.Page.PageSize).ToList();
        var people = await PersonNames.LoadAsync(db, page.Select(e => e.Actor), cancellationToken);
        page = [.. page.Select(e => e with { ActorName = people.Name(e.Actor) })];
        return new PagedResult<JournalEntryDto>(page, lines.Count, query.Page.Page, query.Page.PageSize);
    }

    private static string InDigest(string to, DateTimeOffset at) =>
        $"{Recipients(to)} trong thư tổng hợp quá hạn ngày {VietnamTime.ToLocal(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    // A sweep's row gets its recipients when it is sent.
    private static string Recipients(string to) => to.Length == 0 ? "Thư điện tử" : "Gửi " + to.Replace(";", ", ", StringComparison.Ordinal);

    // The server refused some recipients for good and took the email for the others.
    private static string Refused(string? error) =>
        RefusedRecipients.AddressesIn(error) is { Count: > 0 } refused ? $"; máy chủ thư không nhận địa chỉ {string.Join(", ", refused)}" : "";

    private static string Delivery(string recipients, OutboxStatus status, DateTimeOffset? sentAt, int attempts, string? error)
    {
        return status switch
        {
            OutboxStatus.Held => $"{recipients} — chờ thư tổng hợp quá hạn",
            OutboxStatus.Sent when sentAt is { } at => $"{recipients} — đã gửi lúc {EffectMessages.LocalText(at)}{Refused(error)}",
            OutboxStatus.DeadLetter => $"{recipients} — không gửi được sau {attempts.ToString(CultureInfo.InvariantCulture)} lần: {error}",
            OutboxStatus.Skipped => $"{recipients} — không gửi vì nhiệm vụ đã kết thúc",
            _ => attempts > 0 ? $"{recipients} — đang thử lại ({attempts.ToString(CultureInfo.InvariantCulture)} lần lỗi)" : $"{recipients} — đang chờ gửi",
        };
    }
}
