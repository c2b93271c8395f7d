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

/// <summary>
/// Notices a cascade wrote as one list per shared model (<see cref="OutboxModel.NoticeCount"/>), which the next dispatch
/// makes into emails (<see cref="NoticeExpansion"/>): how many, in how many lists, and since when (the oldest list).
/// </summary>
public sealed record QueuedNotices(int Notices, int Lists, DateTimeOffset? Since)
{
    public static readonly QueuedNotices None = new(0, 0, null);
}

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
            await QueuedAsync(cancellationToken));
    }

    private async Task<QueuedNotices> QueuedAsync(CancellationToken cancellationToken)
    {
        // The filtered index of lists still to expand (IX_OutboxModels_NoticesPending): ids grow with time, so the first is the oldest.
        var lists = db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount > 0);
        var count = await lists.CountAsync(cancellationToken);
        // A dispatch may expand them between these reads: then they are simply no longer waiting.
        var since = count == 0 ? null : await lists.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return since is null ? QueuedNotices.None : new QueuedNotices(await lists.SumAsync(m => m.NoticeCount, cancellationToken), count, since);
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
            _ => outbox.Where(m => m.Status == OutboxStatus.Digested),
        };
    }
}
