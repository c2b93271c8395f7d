using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Notices a cascade wrote as one list per shared model (<see cref="OutboxModel.NoticeCount"/>), which the next dispatch
/// makes into emails (<see cref="NoticeExpansion"/>): how many, in how many lists, and since when (the oldest list).
/// </summary>
public sealed record QueuedNotices(int Notices, int Lists, DateTimeOffset? Since)
{
    public static readonly QueuedNotices None = new(0, 0, null);

    /// <summary>
    /// Two reads on the filtered index of lists still to expand (IX_OutboxModels_NoticesPending): their count and sum, and
    /// the first one's time (ids grow with time, so the first is the oldest).
    /// </summary>
    public static async Task<QueuedNotices> ReadAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var lists = db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount > 0);
        var totals = await lists.GroupBy(m => 1).Select(g => new { Lists = g.Count(), Notices = g.Sum(m => m.NoticeCount) })
            .FirstOrDefaultAsync(cancellationToken);
        // A dispatch may expand them between these reads: then they are simply no longer waiting.
        var since = totals is null ? null : await lists.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return totals is null || since is null ? None : new QueuedNotices(totals.Notices, totals.Lists, since);
    }
}
