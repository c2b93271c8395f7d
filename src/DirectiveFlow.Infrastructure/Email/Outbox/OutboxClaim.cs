using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The rows one dispatch batch holds. Each due row is claimed with a guarded update that sets its lease
/// (<see cref="OutboxMessage.LeaseUntil"/>, real time), so no other dispatcher claims it until the lease runs out; while
/// the batch sends, the lease of the rows not yet sent is renewed with the same guard once a quarter of it has passed.
/// A dispatcher that dies leaves its rows to the others after at most <see cref="OutboxOptions.ClaimLease"/>; a slow
/// one keeps them, and a row whose lease it has lost (another dispatcher took it) it does not send.
/// </summary>
public sealed class OutboxClaim
{
    private readonly DirectiveFlowDbContext _db;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _wall;
    private readonly HashSet<OutboxMessage> _held;
    private DateTimeOffset _until;

    private OutboxClaim(DirectiveFlowDbContext db, OutboxOptions options, TimeProvider wall, List<OutboxMessage> held, DateTimeOffset until)
    {
        _db = db;
        _options = options;
        _wall = wall;
        _held = [.. held];
        Messages = held;
        _until = until;
    }

    /// <summary>The rows claimed, in due order.</summary>
    public IReadOnlyList<OutboxMessage> Messages { get; }

    /// <summary>
    /// Claims up to <see cref="OutboxOptions.BatchSize"/> rows due at <paramref name="now"/> (the application's clock)
    /// that no dispatcher holds; the rows stay tracked by <paramref name="db"/>.
    /// </summary>
    public static async Task<OutboxClaim> TakeAsync(
        DirectiveFlowDbContext db, OutboxOptions options, TimeProvider wall, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wallNow = wall.GetUtcNow();
        var candidates = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= wallNow))
            .OrderBy(m => m.NextAttemptAt)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var until = LeaseEnd(wallNow, options);
        var claimed = new List<OutboxMessage>();
        foreach (var message in candidates)
        {
            // Guarded by what was read: of two dispatchers that saw the row alike, one moves it.
            var (seenNext, seenLease) = (message.NextAttemptAt, message.LeaseUntil);
            var rows = await db.Outbox
                .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt == seenNext && m.LeaseUntil == seenLease)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), cancellationToken);
            if (rows == 1)
            {
                Track(db, message, until);
                claimed.Add(message);
            }
            else
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }

        return new OutboxClaim(db, options, wall, claimed, until);
    }

    /// <summary>
    /// Called before sending <paramref name="message"/>: renews the lease of every row still held when a quarter of it
    /// has passed, and answers whether this batch still holds <paramref name="message"/>.
    /// </summary>
    public async Task<bool> KeepAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = _wall.GetUtcNow();
        if (now + _options.ClaimLease * 0.75 >= _until)
        {
            await RenewAsync(now, cancellationToken);
        }

        return _held.Contains(message);
    }

    /// <summary>
    /// The row is finished with (sent, failed, or a dead letter): its lease goes with the row's next save, and it is no
    /// longer renewed.
    /// </summary>
    public void Release(OutboxMessage message)
    {
        message.LeaseUntil = null;
        _held.Remove(message);
    }

    private async Task RenewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (current, until) = (_until, LeaseEnd(now, _options));
        foreach (var message in _held.ToList())
        {
            // Row by row, guarded by this batch's own value: a dispatcher that took the row set a later one, so the
            // guard tells exactly which rows are still this batch's (the value alone could be another's too).
            var renewed = await _db.Outbox
                .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.LeaseUntil == current)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), cancellationToken);
            if (renewed == 1)
            {
                Track(_db, message, until);
            }
            else
            {
                // Another dispatcher holds it now: it is theirs to send, and nothing of this batch's may overwrite it.
                _held.Remove(message);
                _db.Entry(message).State = EntityState.Detached;
            }
        }

        _until = until;
    }

    /// <summary>Whole milliseconds, so the value read back compares equal on every provider (PostgreSQL keeps microseconds).</summary>
    private static DateTimeOffset LeaseEnd(DateTimeOffset now, OutboxOptions options)
    {
        var end = now.ToUniversalTime() + options.ClaimLease;
        return end.AddTicks(-(end.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Tells the change tracker the row's lease as stored, so releasing it later is saved.</summary>
    private static void Track(DirectiveFlowDbContext db, OutboxMessage message, DateTimeOffset until)
    {
        var lease = db.Entry(message).Property(m => m.LeaseUntil);
        lease.OriginalValue = until;
        lease.CurrentValue = until;
    }
}
