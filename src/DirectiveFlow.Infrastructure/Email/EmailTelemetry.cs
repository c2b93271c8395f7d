using System.Diagnostics.Metrics;
using System.Diagnostics;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>Email through the outbox: rows queued (by where they come from), and what each dispatch run did with them.</summary>
public static class EmailTelemetry
{
    private static readonly Counter<long> QueuedRows = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.emails.queued", "{email}", "Emails put in the outbox (source: sweep, notice, single, task, digest).");

    private static readonly Counter<long> Sent = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.emails.sent", "{email}", "Emails the SMTP server accepted.");

    private static readonly Counter<long> Failed = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.emails.failed", "{email}", "Send attempts that failed (each is retried later, or becomes a dead letter).");

    private static readonly Counter<long> Dead = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.emails.dead", "{email}", "Emails that became dead letters (out of attempts, or impossible to complete or render).");

    /// <summary>Counts <paramref name="count"/> rows written to the outbox by <paramref name="source"/> (once per batch, not per row).</summary>
    public static void Queued(int count, string source)
    {
        if (count > 0)
        {
            QueuedRows.Add(count, new KeyValuePair<string, object?>("source", source));
        }
    }

    /// <summary>The span of one dispatch run.</summary>
    public static Activity? StartDispatch() => DirectiveFlowTelemetry.Source.StartActivity("outbox.dispatch");

    /// <summary>What one dispatch run did; answers <paramref name="result"/>.</summary>
    public static DispatchResult Dispatched(DispatchResult result)
    {
        Sent.Add(result.Sent);
        Failed.Add(result.Failed);
        Dead.Add(result.DeadLettered);
        Activity.Current?.SetTag("outbox.claimed", result.Claimed).SetTag("outbox.sent", result.Sent)
            .SetTag("outbox.failed", result.Failed).SetTag("outbox.dead", result.DeadLettered).SetTag("outbox.skipped", result.Skipped);
        return result;
    }
}
