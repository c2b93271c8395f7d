using DirectiveFlow.Infrastructure.Email;
using Mediator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Degraded while mail has nowhere to go (no <c>Smtp:Host</c> outside demo mode): it waits in the outbox, and an
/// operator looking at /health should learn that before the unit heads miss their reminders.
/// </summary>
public sealed class MailDeliveryHealthCheck(SmtpMailSender mail, ISender sender) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (mail.CanSend)
        {
            return HealthCheckResult.Healthy();
        }

        var waiting = await sender.Send(new CountPendingEmailsQuery(), cancellationToken);
        return HealthCheckResult.Degraded(
            $"No Smtp:Host configured: {waiting} email(s) waiting in the outbox; set Smtp:Host to send them.",
            data: new Dictionary<string, object> { ["waiting"] = waiting });
    }
}
