using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>What administrators see of the outbox (dead letters with their errors) and the retry they may ask for.</summary>
public sealed class OutboxAdministration(DirectiveFlowDbContext db, TimeProvider time)
{
    public async Task<PagedResult<OutboxMessageView>> ListAsync(OutboxStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Outbox.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(OutboxMessageView.Projection)
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxMessageView>(items, total, page.Page, page.PageSize);
    }

    /// <summary>Puts a dead letter back in the queue with a fresh attempt count. Answers the outcome.</summary>
    public async Task<RetryOutcome> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.DeadLetter)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (updated == 1)
        {
            return RetryOutcome.Queued;
        }

        var status = await db.Outbox.Where(m => m.Id == id).Select(m => (OutboxStatus?)m.Status).FirstOrDefaultAsync(cancellationToken);
        return status is null ? RetryOutcome.NotFound : RetryOutcome.NotDeadLetter;
    }

    /// <summary>Puts every dead letter back in the queue (after an outage was mended, say). Answers how many.</summary>
    public async Task<int> RetryAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Outbox
            .Where(m => m.Status == OutboxStatus.DeadLetter)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public enum RetryOutcome
    {
        Queued = 1,
        NotFound = 2,
        NotDeadLetter = 3,
    }
}
