using System.Net;
using System.Net.Sockets;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>With <c>Monitoring:OtlpEndpoint</c> set, traces and metrics are posted to the collector there.</summary>
public sealed class OtlpExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_configured_collector_receives_the_traces_and_the_metrics()
    {
        using var collector = new FakeCollector();
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Monitoring:OtlpEndpoint"] = collector.Address,
            ["Monitoring:OtlpProtocol"] = "http/protobuf",
        });
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login", Ct)).StatusCode);
        using (DirectiveFlowTelemetry.Source.StartActivity("otlp test span"))
        {
        }

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        // Answers false whatever the OTLP reader did: the Prometheus reader beside it only collects when scraped.
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
    }

    /// <summary>An OTLP/HTTP endpoint on a free loopback port that answers 200 to every post and keeps its path.</summary>
    private sealed class FakeCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _paths = [];
        private readonly Task _serving;

        public FakeCollector()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
                probe.Stop();
            }

            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public List<string> Paths
        {
            get
            {
                lock (_paths)
                {
                    return [.. _paths];
                }
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                lock (_paths)
                {
                    _paths.Add(context.Request.Url!.AbsolutePath);
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
