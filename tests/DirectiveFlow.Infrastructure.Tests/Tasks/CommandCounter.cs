using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>Counts the commands EF Core runs and the connections it opens on one database (tests run in parallel, each on its own).</summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private int _commands;
    private int _opens;

    public CommandCounter(string connectionString)
    {
        _database = connectionString;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Commands => Volatile.Read(ref _commands);

    public int Opens => Volatile.Read(ref _opens);

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
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData command && Ours(command.Command.Connection?.ConnectionString))
        {
            Interlocked.Increment(ref _commands);
        }
        else if (value.Key == RelationalEventId.ConnectionOpened.Name && value.Value is ConnectionEndEventData open && Ours(open.Connection.ConnectionString))
        {
            Interlocked.Increment(ref _opens);
        }
    }

    private bool Ours(string? connectionString) => connectionString is not null && (connectionString == _database || DatabaseOf(connectionString) == DatabaseOf(_database));

    private static string DatabaseOf(string connectionString) => string.Join(";", connectionString.Split(';')
        .Where(p => p.StartsWith("Data Source", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Database", StringComparison.OrdinalIgnoreCase)));

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
