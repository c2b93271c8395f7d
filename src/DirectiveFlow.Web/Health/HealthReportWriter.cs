using System.Text;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// The overall status on the first line, as before (probes compare it with "Healthy"); then, for administrators (cookie
/// or bearer token) and callers on the metrics port (<see cref="MonitoringOptions.MetricsPort"/>), one line per check
/// that is not healthy, with what it says. Anyone else gets the status alone: the lines name the mail server, its
/// errors and the queue, which are not for every visitor of a public address.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        if (MaySeeDetails(context))
        {
            foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            {
                text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" — ").Append(entry.Description ?? entry.Exception?.Message);
            }
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    private static bool MaySeeDetails(HttpContext context) =>
        context.User.IsInRole(Roles.Administrator)
        || context.RequestServices.GetRequiredService<MonitoringOptions>().MetricsPort is > 0 and var port && context.Connection.LocalPort == port;
}
