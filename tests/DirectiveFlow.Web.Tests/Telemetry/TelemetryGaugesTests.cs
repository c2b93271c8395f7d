using System.Diagnostics.Metrics;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>
/// The database-read gauges, observed on this app's own meter and scraped. Alone: an OpenTelemetry provider takes the
/// first gauge of a name it sees in the process, and with other tests' apps alive that may be theirs (production runs
/// one host per process).
/// </summary>
[Collection(nameof(TelemetryGaugesTests))]
[CollectionDefinition(nameof(TelemetryGaugesTests), DisableParallelization = true)]
public sealed class TelemetryGaugesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_gauges_count_the_tasks_by_category_and_pillar_and_the_emails_waiting()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: DirectivesApiTests.NoMailCatcher,
            configureServices: services => services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        using var admin = await app.CreateClientForAsync("admin");
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        await DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "party-conclusion", "Kết luận số 8-KL/TU", "Về cải cách hành chính", new { deadlineDays = 5 });

        await app.Services.GetRequiredService<TelemetryGauges>().RefreshAsync(Ct);
        var observed = Observe(app.Services.GetRequiredService<IMeterFactory>());

        // One task per pillar's city unit, acknowledged by nobody yet, due in 5 working days.
        foreach (var pillar in new[] { "PARTY", "COUNCIL", "COMMITTEE", "FRONT" })
        {
            Assert.Equal(1, observed[("directiveflow.tasks", $"open_within_deadline/{pillar}")]);
            Assert.Equal(1, observed[("directiveflow.tasks", $"not_acknowledged/{pillar}")]);
            Assert.Equal(0, observed[("directiveflow.tasks", $"open_overdue/{pillar}")]);
            Assert.Equal(0, observed[("directiveflow.tasks", $"completed_on_time/{pillar}")]);
        }

        // Each task's assignment notice waits (no dispatcher runs in tests), and is due now.
        Assert.True(observed[("directiveflow.outbox.pending", "")] >= 4);
        Assert.True(observed[("directiveflow.outbox.oldest_due_age", "")] >= 0);

        var scraped = new PrometheusText(await admin.GetStringAsync("/metrics", Ct));
        Assert.Equal(1, scraped.Sum("directiveflow_tasks", "category=open_within_deadline", "pillar=COMMITTEE"));
        Assert.Equal(4, scraped.Sum("directiveflow_tasks", "category=not_acknowledged"));
        Assert.Equal(observed[("directiveflow.outbox.pending", "")], scraped.Sum("directiveflow_outbox_pending"));
    }

    /// <summary>The gauges of the meters <paramref name="factory"/> made (this app's), by name and "category/pillar".</summary>
    private static Dictionary<(string Instrument, string Tags), double> Observe(IMeterFactory factory)
    {
        var values = new Dictionary<(string, string), double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == DirectiveFlowTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<string>();
            foreach (var tag in tags)
            {
                labels.Add(tag.Value?.ToString() ?? "");
            }

            values[(instrument.Name, string.Join('/', labels))] = value;
        }

        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
