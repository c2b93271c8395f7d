using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>The "Monitoring" section: where telemetry goes, who may scrape it, and when health turns Degraded.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>
    /// An OTLP collector (e.g. <c>http://otel-collector:4317</c>) for traces, metrics and logs. Empty: the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable if set, otherwise no OTLP export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The protocol of <see cref="OtlpEndpoint"/>: <c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    [RegularExpression("^(grpc|http/protobuf)$")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// A port on which <c>/metrics</c> is served without signing in (an internal port the load balancer does not
    /// publish; add it to the listening URLs). 0: <c>/metrics</c> only for administrators, on every port.
    /// </summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; }

    /// <summary>How often the gauges read from the database (tasks by category, outbox) are refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The scheduler check is Degraded when the last sweep started longer ago than this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SweepStaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The outbox check is Degraded when an email has been due longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan OutboxLagDegraded { get; set; } = TimeSpan.FromMinutes(5);
}
