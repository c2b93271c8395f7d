using System.Linq.Expressions;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// This node's hold on the large cascades it writes: an owner and an expiry (real time) on the cascade's checkpoint
/// row, set when the cascade is created and renewed by the same guarded update that claims each batch. When a node
/// dies its leases run out and any other node may take the cascade over from the checkpoint.
/// </summary>
public sealed class CascadeLease(EngineOptions options, WallClock clock)
{
    /// <summary>This node (one per process and engine; a restarted process is a new owner).</summary>
    public string Owner { get; } = $"{Truncate(Environment.MachineName, 40)}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The expiry of a lease taken or renewed at <paramref name="now"/>.</summary>
    public DateTimeOffset Until(DateTimeOffset now) => now + options.CascadeLease;

    /// <summary>Gives a cascade that is about to be written in batches to this node.</summary>
    public void Hold(ActivityExecution cascade)
    {
        cascade.LeaseOwner = Owner;
        cascade.LeaseUntil = Until(Now);
    }

    /// <summary>Cascades this node may write at <paramref name="now"/>: its own, unheld ones and those whose lease has run out.</summary>
    public Expression<Func<ActivityExecution, bool>> Writable(DateTimeOffset now)
    {
        var owner = Owner;
        return e => e.LeaseOwner == owner || e.LeaseUntil == null || e.LeaseUntil <= now;
    }

    /// <summary>Unfinished cascades whose lease has run out (their writer died or stalled), oldest lease first.</summary>
    public Task<List<Guid>> ExpiredAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.ActivityExecutions.AsNoTracking()
            .Where(e => e.LeaseUntil <= now && e.Status != ActivityExecutionStatus.Cancelled)
            .OrderBy(e => e.LeaseUntil)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
