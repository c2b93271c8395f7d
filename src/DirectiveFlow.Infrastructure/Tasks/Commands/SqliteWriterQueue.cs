using System.Collections.Concurrent;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// SQLite has one writer at a time. A second task command that begins its transaction while another holds the write
/// lock waits in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15… ms between tries and so often sleeps on past the
/// moment the lock is free. Task commands of this process therefore queue for their turn here, one per database, and
/// the next is let in as soon as the one before has committed or rolled back. This only orders the process's own task
/// commands: every other writer (the sweep, the cascade writer, another process) still meets them at SQLite's lock as
/// before, the stamp guard is unchanged, and a turn not granted within <see cref="Patience"/> (as long as the busy
/// timeout) goes ahead to wait at SQLite's lock as it did without the queue. Other providers do not queue.
/// </summary>
internal static class SqliteWriterQueue
{
    /// <summary>How long a command waits for its turn before it goes ahead anyway (SQLite's busy timeout).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's turn (SQLite only); dispose the result when the transaction has ended.</summary>
    public static async Task<Turn> WaitTurnAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } database)
        {
            return default;
        }

        var queue = Queues.GetOrAdd(database, _ => new SemaphoreSlim(1, 1));
        return await queue.WaitAsync(Patience, cancellationToken) ? new Turn(queue) : default;
    }

    /// <summary>A granted turn (or none): disposing it lets the next command in.</summary>
    public readonly struct Turn(SemaphoreSlim? queue) : IDisposable
    {
        public void Dispose() => queue?.Release();
    }
}
