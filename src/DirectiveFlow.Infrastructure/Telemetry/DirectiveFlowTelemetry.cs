using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>
/// The product's own traces and metrics, both named <see cref="Name"/>. Static so that a hook at a call site is one
/// line and costs nothing when no listener is attached (an unsampled <see cref="Activity"/> is null; an instrument
/// nobody listens to drops its measurement). The host subscribes to both (<c>Web/Health/MonitoringExtensions</c>).
/// </summary>
public static class DirectiveFlowTelemetry
{
    public const string Name = "DirectiveFlow";

    public static ActivitySource Source { get; } = new(Name, typeof(DirectiveFlowTelemetry).Assembly.GetName().Version?.ToString());

    public static Meter Meter { get; } = new(Name, typeof(DirectiveFlowTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The span of one run of a recurring Quartz job, e.g. <c>job DueWorkSweepJob</c>.</summary>
    public static Activity? StartJob(string job)
    {
        var activity = Source.StartActivity("job " + job);
        activity?.SetTag("job.name", job);
        return activity;
    }
}
