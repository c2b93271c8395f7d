using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// The overall status on the first line, as before (probes compare it with "Healthy"), then one line per check that
/// is not healthy, with what it says.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" — ").Append(entry.Description ?? entry.Exception?.Message);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
