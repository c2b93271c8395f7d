using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Unhealthy when this node should run the scheduler (<c>Scheduling:Enabled</c>) and it does not: no reminder, digest
/// or email would leave from here. Degraded when the due-work sweep has not fired for
/// <see cref="MonitoringOptions.SweepStaleAfter"/> (any node's sweep counts, in a cluster).
/// </summary>
public sealed class SchedulerHealthCheck(IServiceProvider services, MonitoringOptions options, WallClock wall) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await SchedulerState.ReadAsync(services, cancellationToken);
        if (!state.Enabled)
        {
            return HealthCheckResult.Healthy("Scheduling:Enabled is off on this node.");
        }

        if (!state.Running)
        {
            return HealthCheckResult.Unhealthy("The scheduler is not running: no sweep, digest or email dispatch runs on this node.");
        }

        var now = wall.GetUtcNow();
        var data = new Dictionary<string, object>();
        if (state.LastSweep is { } last)
        {
            var age = now - last;
            data["lastSweepAgeSeconds"] = Math.Round(age.TotalSeconds);
            return age > options.SweepStaleAfter
                ? HealthCheckResult.Degraded($"The last sweep started {age.TotalMinutes:0} min ago (more than {options.SweepStaleAfter}).", data: data)
                : HealthCheckResult.Healthy(null, data);
        }

        return state.RunningSince is { } since && now - since > options.SweepStaleAfter
            ? HealthCheckResult.Degraded($"No sweep has run since the scheduler started {(now - since).TotalMinutes:0} min ago.")
            : HealthCheckResult.Healthy("No sweep yet since the scheduler started.");
    }
}
