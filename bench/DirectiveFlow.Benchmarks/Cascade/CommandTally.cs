using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// Counts the database commands EF Core executes (and the time spent in them) while it is alive, from EF's diagnostic
/// events: where the engine's time goes besides the rows (bulk writes on the raw connection are not counted).
/// </summary>
public sealed class CommandTally : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private int _commands;
    private long _ticks;

    public CommandTally() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>"N EF commands, M ms in them" since the last call.</summary>
    public string Take()
    {
        var text = $"{Interlocked.Exchange(ref _commands, 0):N0} EF commands, {TimeSpan.FromTicks(Interlocked.Exchange(ref _ticks, 0)).TotalMilliseconds:F0} ms in them";
        return text;
    }

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
        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _ticks, executed.Duration.Ticks);
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
