using DirectiveFlow.Infrastructure.Email;
using Mediator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Degraded while mail has nowhere to go (no <c>Smtp:Host</c> outside demo mode) or its server does not answer: it
/// waits in the outbox, and an operator looking at /health should learn that before the unit heads miss their
/// reminders. Never Unhealthy: the node serves everything else, and a load balancer must not take it out for this.
/// </summary>
public sealed class MailDeliveryHealthCheck(SmtpMailSender mail, SmtpProbe probe, SmtpOptions smtp, ISender sender) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mail.CanSend)
        {
            var waiting = await sender.Send(new CountPendingEmailsQuery(), cancellationToken);
            return HealthCheckResult.Degraded(
                $"No Smtp:Host configured: {waiting} email(s) waiting in the outbox; set Smtp:Host to send them.",
                data: new Dictionary<string, object> { ["waiting"] = waiting });
        }

        if (await probe.ErrorAsync(cancellationToken) is { } error)
        {
            var server = smtp.HasOutsideServer ? $"{smtp.Host}:{smtp.Port}" : "the embedded mail catcher";
            return HealthCheckResult.Degraded($"SMTP server {server} is not reachable ({error}); mail waits in the outbox.");
        }

        return HealthCheckResult.Healthy();
    }
}
