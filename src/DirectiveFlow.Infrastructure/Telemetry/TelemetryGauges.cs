using System.Diagnostics.Metrics;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Hosting;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>
/// The gauges read from the database — tasks by category and pillar, emails waiting, the oldest due email's age —
/// refreshed every <see cref="MonitoringOptions.GaugeRefresh"/> in the background. A scrape or export only reads the
/// last snapshot, so it never waits for the database, and many scrapers cost one read per interval.
/// </summary>
public sealed class TelemetryGauges : StoppableService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly MonitoringOptions _options;
    private readonly WallClock _wall;
    private readonly ILogger<TelemetryGauges> _logger;
    private readonly Meter _meter;
    private volatile Snapshot? _snapshot;

    public TelemetryGauges(IServiceScopeFactory scopes, MonitoringOptions options, WallClock wall, IMeterFactory meters, ILogger<TelemetryGauges> logger)
    {
        _scopes = scopes;
        _options = options;
        _wall = wall;
        _logger = logger;
        // A meter of this container (same name as DirectiveFlowTelemetry.Meter): its callbacks go away with the host.
        _meter = meters.Create(DirectiveFlowTelemetry.Name);
        _meter.CreateObservableGauge<int>("directiveflow.tasks", () => _snapshot?.Tasks ?? [], "{task}",
            "Tasks of every directive per government category and lead unit's pillar (categories overlap: due_soon is part of open_within_deadline).");
        _meter.CreateObservableGauge<int>("directiveflow.outbox.pending", () => _snapshot is { } s ? [new Measurement<int>(s.Outbox.Pending)] : [], "{email}",
            "Emails waiting in the outbox to be sent.");
        _meter.CreateObservableGauge<double>("directiveflow.outbox.oldest_due_age", () => _snapshot is { } s ? [new Measurement<double>(s.Outbox.OldestDueAge.TotalSeconds)] : [], "s",
            "How long the oldest email that is due has waited (0 when none is).");
    }

    /// <summary>When the snapshot was last read, on the application's clock; null before the first read.</summary>
    public DateTimeOffset? RefreshedAt => _snapshot?.Outbox.Now;

    /// <summary>Reads the gauges' values now (the background loop calls it; tests too).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DirectiveFlowDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var tasks = await TaskCategoryGaugeReader.ReadAsync(db, services.GetRequiredService<IWorkingDayCalendar>(), now, cancellationToken);
        var outbox = await OutboxLag.ReadAsync(db, now, cancellationToken);
        _snapshot = new Snapshot(
            tasks.Select(t => new Measurement<int>(t.Value, new("category", t.Key.Category), new("pillar", t.Key.Pillar))).ToArray(), outbox);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.GaugeRefresh, _wall);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The last values stay; the database check of /health says what is wrong.
                _logger.LogWarning(exception, "Reading the telemetry gauges failed; the previous values are kept.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private sealed record Snapshot(Measurement<int>[] Tasks, OutboxLag Outbox);
}
