using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>Every log written inside a span carries its trace id, so a log line leads to its trace and back.</summary>
public sealed class TraceIdLoggingTests
{
    [Fact]
    public async Task A_log_written_inside_a_span_carries_the_spans_trace_id()
    {
        var captured = new ScopeCapturingProvider();
        await using var app = await DirectiveFlowWebFactory.CreateAsync(configureServices: services => services.AddSingleton<ILoggerProvider>(captured));
        _ = app.Services; // starts the host, and with it the tracer that samples the product's spans

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TraceIdLoggingTests");
        string traceId;
        using (var span = DirectiveFlowTelemetry.Source.StartActivity("test span"))
        {
            Assert.NotNull(span);
            traceId = span.TraceId.ToString();
            logger.LogWarning("Inside the span");
        }

        var scope = Assert.Single(captured.ScopesOf("Inside the span"));
        Assert.Equal(traceId, scope.GetValueOrDefault("TraceId")?.ToString());
        Assert.False(string.IsNullOrEmpty(scope.GetValueOrDefault("SpanId")?.ToString()));
    }

    /// <summary>Keeps, for each message, the scope values it was logged in (the factory's scope provider fills them).</summary>
    private sealed class ScopeCapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly List<(string Message, Dictionary<string, object?> Scope)> _entries = [];
        private IExternalScopeProvider? _scopes;

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public List<Dictionary<string, object?>> ScopesOf(string message)
        {
            lock (_entries)
            {
                return _entries.Where(e => e.Message == message).Select(e => e.Scope).ToList();
            }
        }

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapturingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
                provider._scopes?.ForEachScope((value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            values[key] = item;
                        }
                    }
                }, scope);
                lock (provider._entries)
                {
                    provider._entries.Add((formatter(state, exception), scope));
                }
            }
        }
    }
}
