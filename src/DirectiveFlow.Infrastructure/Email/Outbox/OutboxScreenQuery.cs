using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>One tab of the admin outbox screen, newest first, with how many emails every tab holds.</summary>
public sealed record OutboxScreenQuery(OutboxTab Tab, PageRequest Page) : IQuery<OutboxScreen>;

/// <summary>The answer of <see cref="OutboxScreenQuery"/>.</summary>
/// <param name="Queued">The assignment notices a cascade left as lists, not yet written as emails (none on the pending tab until then).</param>
public sealed record OutboxScreen(PagedResult<OutboxMessageView> Messages, IReadOnlyDictionary<OutboxTab, int> Counts, QueuedNotices Queued);

public sealed class OutboxScreenHandler(DirectiveFlowDbContext db) : IQueryHandler<OutboxScreenQuery, OutboxScreen>
{
    public async ValueTask<OutboxScreen> Handle(OutboxScreenQuery query, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<OutboxTab, int>();
        foreach (var tab in Enum.GetValues<OutboxTab>())
        {
            counts[tab] = await In(tab).CountAsync(cancellationToken);
        }

        var items = await In(query.Tab)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(OutboxMessageView.Projection)
            .ToListAsync(cancellationToken);
        return new OutboxScreen(new PagedResult<OutboxMessageView>(items, counts[query.Tab], query.Page.Page, query.Page.PageSize), counts,
            await QueuedNotices.ReadAsync(db, cancellationToken));
    }

    private IQueryable<OutboxMessage> In(OutboxTab tab)
    {
        var outbox = db.Outbox.AsNoTracking();
        return tab switch
        {
            OutboxTab.Pending => outbox.Where(m => m.Status == OutboxStatus.Pending && m.Attempts == 0),
            OutboxTab.Failed => outbox.Where(m => m.Status == OutboxStatus.Pending && m.Attempts > 0),
            OutboxTab.DeadLetter => outbox.Where(m => m.Status == OutboxStatus.DeadLetter),
            OutboxTab.Held => outbox.Where(m => m.Status == OutboxStatus.Held),
            OutboxTab.Skipped => outbox.Where(m => m.Status == OutboxStatus.Skipped),
            _ => outbox.Where(m => m.Status == OutboxStatus.Digested),
        };
    }
}
