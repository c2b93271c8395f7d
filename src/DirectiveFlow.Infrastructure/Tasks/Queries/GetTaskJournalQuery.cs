using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// A readable task's history, oldest first: its journal entries and the emails sent about it — every reminder and
/// escalation step is one of those (the sweep's record of the step), with its recipients and delivery
/// (<see cref="JournalEntryDto.Delivery"/>, worded in the reader's language by the web layer).
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
            .Select(m => new { m.DedupeKey, m.Template, m.To, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.LastError, m.DigestId })
            .ToListAsync(cancellationToken);
        // An escalation that went out in a leader's digest is delivered when (and as) the digest is.
        var digestIds = emails.Where(m => m.DigestId != null).Select(m => m.DigestId!.Value).Distinct().ToList();
        var digests = await db.Outbox.AsNoTracking().Where(m => digestIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.LastError })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var lines = entries
            .Concat(emails.Select(m => new JournalEntryDto(0, m.CreatedAt, PersonNames.SystemActor, ChaseKeys.ActionOf(m.DedupeKey) ?? EmailAction(m.Template), null)
            {
                Delivery = m.DigestId is { } id && digests.TryGetValue(id, out var digest)
                    ? Delivery(m.To, digest.Status, digest.SentAt, digest.Attempts, digest.LastError) with { InDigestAt = digest.CreatedAt }
                    : Delivery(m.To, m.Status, m.SentAt, m.Attempts, m.LastError),
            }))
            .OrderBy(e => e.At).ThenBy(e => e.Id == 0 ? 1 : 0).ThenBy(e => e.Id)
            .ToList();
        var page = lines.Skip(query.Page.Skip).Take(query.Page.PageSize).ToList();
        var people = await PersonNames.LoadAsync(db, page.Select(e => e.Actor), cancellationToken);
        page = [.. page.Select(e => e with { ActorName = people.Name(e.Actor) })];
        return new PagedResult<JournalEntryDto>(page, lines.Count, query.Page.Page, query.Page.PageSize);
    }

    /// <summary>
    /// The history line of an email that is not a chase: named by what it tells the unit (its task given, its support asked,
    /// its task returned, its directive withdrawn), else just an email.
    /// </summary>
    private static string EmailAction(string? template) => template switch
    {
        EmailTemplates.Assigned => "email.assigned",
        EmailTemplates.Supporting => "email.supporting",
        EmailTemplates.Returned => "email.returned",
        EmailTemplates.Withdrawn => "email.withdrawn",
        _ => "email.queued",
    };

    // A sweep's row gets its recipients when it is sent; the server may refuse some for good and take it for the others.
    private static EmailDelivery Delivery(string to, OutboxStatus status, DateTimeOffset? sentAt, int attempts, string? error) => new(
        to.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), status.ToString(), sentAt, attempts, error,
        status == OutboxStatus.Sent ? RefusedRecipients.AddressesIn(error) : []);
}
