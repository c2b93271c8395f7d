using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// What a completion phase spends around its commands, from EF Core's diagnostic events: the time to begin its
/// transactions (on SQLite, a second writer waits here for the write lock, sleeping in SQLite's busy handler), to commit
/// them, and the connections opened (each query outside a transaction opens and closes one, from the pool).
/// </summary>
internal sealed class TransactionTally : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private long _begins;
    private long _beginTicks;
    private long _commits;
    private long _commitTicks;
    private long _opens;
    private long _openTicks;

    public TransactionTally() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>"N transactions, M ms beginning them, K ms committing; C connections opened (D ms)" since the last call.</summary>
    public string Take() =>
        $"{Interlocked.Exchange(ref _begins, 0):N0} transactions, {Ms(ref _beginTicks)} ms beginning them (the write lock's wait), " +
        $"{Ms(ref _commitTicks)} ms committing {Interlocked.Exchange(ref _commits, 0):N0}; " +
        $"{Interlocked.Exchange(ref _opens, 0):N0} connections opened ({Ms(ref _openTicks)} ms)";

    private static string Ms(ref long ticks) => TimeSpan.FromTicks(Interlocked.Exchange(ref ticks, 0)).TotalMilliseconds.ToString("F0");

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionStarted.Name && value.Value is TransactionEndEventData started)
        {
            Interlocked.Increment(ref _begins);
            Interlocked.Add(ref _beginTicks, started.Duration.Ticks);
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name && value.Value is TransactionEndEventData committed)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _commitTicks, committed.Duration.Ticks);
        }
        else if (value.Key == RelationalEventId.ConnectionOpened.Name && value.Value is ConnectionEndEventData opened)
        {
            Interlocked.Increment(ref _opens);
            Interlocked.Add(ref _openTicks, opened.Duration.Ticks);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
