using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>A logger provider keeping every message written at Warning or above (with its exception's message), for tests that check a warning.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    /// <summary>Waits up to ten seconds for a message containing <paramref name="text"/> (background services log late).</summary>
    public async Task<string?> WaitForAsync(string text)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (Messages.FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal)) is { } message)
            {
                return message;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // The exception's own message too: a renderer logs "Unhandled exception…" and says what in the exception.
                messages.Enqueue(exception is null ? formatter(state, exception) : formatter(state, exception) + " " + exception.Message);
            }
        }
    }
}
