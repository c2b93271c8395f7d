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
    private readonly Dictionary<string, (int Count, long Ticks)>? _byText =
        Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_COMMANDS") == "1" ? [] : null;
    private int _commands;
    private long _ticks;

    public CommandTally() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>"N EF commands, M ms in them" since the last call.</summary>
    public string Take()
    {
        var text = $"{Interlocked.Exchange(ref _commands, 0):N0} EF commands, {TimeSpan.FromTicks(Interlocked.Exchange(ref _ticks, 0)).TotalMilliseconds:F0} ms in them";
        if (_byText is not null)
        {
            lock (_byText)
            {
                // DIRECTIVEFLOW_BENCH_COMMANDS=1: each distinct statement with its count and time, the costliest first.
                foreach (var (command, (count, ticks)) in _byText.OrderByDescending(c => c.Value.Ticks))
                {
                    text += $"\n      {count,6:N0} × {TimeSpan.FromTicks(ticks).TotalMilliseconds,7:F1} ms  {command}";
                }

                _byText.Clear();
            }
        }

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

    /// <summary>
    /// "N transactions, M ms beginning them, K ms committing; C connections opened (D ms)" since the last call: on SQLite a
    /// second writer waits for the write lock while beginning, sleeping in SQLite's busy handler.
    /// </summary>
    public string TakeTransactions() =>
        $"{Interlocked.Exchange(ref _begins, 0):N0} transactions, {Ms(ref _beginTicks)} ms beginning them (the write lock's wait), " +
        $"{Ms(ref _commitTicks)} ms committing; {Interlocked.Exchange(ref _opens, 0):N0} connections opened ({Ms(ref _openTicks)} ms)";

    private static string Ms(ref long ticks) => TimeSpan.FromTicks(Interlocked.Exchange(ref ticks, 0)).TotalMilliseconds.ToString("F0");

    private long _begins;
    private long _beginTicks;
    private long _commitTicks;
    private long _opens;
    private long _openTicks;

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionStarted.Name && value.Value is TransactionEndEventData begun)
        {
            Interlocked.Increment(ref _begins);
            Interlocked.Add(ref _beginTicks, begun.Duration.Ticks);
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name && value.Value is TransactionEndEventData committed)
        {
            Interlocked.Add(ref _commitTicks, committed.Duration.Ticks);
        }
        else if (value.Key == RelationalEventId.ConnectionOpened.Name && value.Value is ConnectionEndEventData opened)
        {
            Interlocked.Increment(ref _opens);
            Interlocked.Add(ref _openTicks, opened.Duration.Ticks);
        }

        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _ticks, executed.Duration.Ticks);
            if (_byText is not null)
            {
                var command = executed.Command.CommandText.ReplaceLineEndings(" ");
                command = command.Length > 160 ? command[..160] : command;
                lock (_byText)
                {
                    var (count, ticks) = _byText.GetValueOrDefault(command);
                    _byText[command] = (count + 1, ticks + executed.Duration.Ticks);
                }
            }
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
