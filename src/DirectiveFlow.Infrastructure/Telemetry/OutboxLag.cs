using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>
/// How far the outbox is behind at <see cref="Now"/>: the rows waiting to be sent, and the age of the oldest of them that
/// is due (its next attempt has come), and the dead letters. A row waiting for a later retry is not lag yet. Reads on the
/// (Status, NextAttemptAt) index, and one of the notices a cascade left for dispatch to expand (<see cref="OutboxModel.Notices"/>),
/// which wait too and are due from their model's time.
/// </summary>
public sealed record OutboxLag(DateTimeOffset Now, int Pending, TimeSpan OldestDueAge)
{
    /// <summary>The emails that will not be sent unless an administrator retries them.</summary>
    public int DeadLetters { get; init; }

    public static async Task<OutboxLag> ReadAsync(DirectiveFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        var count = await pending.CountAsync(cancellationToken);
        var oldest = await pending.Where(m => m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var lists = db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount > 0);
        count += await lists.SumAsync(m => m.NoticeCount, cancellationToken);
        // The first model written is the oldest: its notices were due when it was written.
        if (await lists.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken) is { } listed)
        {
            oldest = oldest is { } row && row < listed ? row : listed;
        }

        var dead = await db.Outbox.AsNoTracking().CountAsync(m => m.Status == OutboxStatus.DeadLetter, cancellationToken);
        return new OutboxLag(now, count, oldest is { } at && at < now ? now - at : TimeSpan.Zero) { DeadLetters = dead };
    }
}
