using DirectiveFlow.Infrastructure.Telemetry;
using Mediator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Degraded when an email has been due longer than <see cref="MonitoringOptions.OutboxLagDegraded"/>, or when dead
/// letters wait for an administrator (mail that will not go by itself). Never Unhealthy: the node serves the rest.
/// </summary>
public sealed class OutboxLagHealthCheck(ISender sender, MonitoringOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await sender.Send(new ReadOutboxLagQuery(), cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = lag.Pending, ["oldestDueAgeSeconds"] = Math.Round(lag.OldestDueAge.TotalSeconds), ["deadLetters"] = lag.DeadLetters,
        };
        if (lag.DeadLetters > 0)
        {
            return HealthCheckResult.Degraded($"{lag.DeadLetters} email(s) could not be sent (dead letters): retry them on the outbox page.", data: data);
        }

        return lag.OldestDueAge > options.OutboxLagDegraded
            ? HealthCheckResult.Degraded(
                $"{lag.Pending} email(s) waiting; the oldest due one for {lag.OldestDueAge.TotalMinutes:0} min (more than {options.OutboxLagDegraded}).", data: data)
            : HealthCheckResult.Healthy(null, data);
    }
}
