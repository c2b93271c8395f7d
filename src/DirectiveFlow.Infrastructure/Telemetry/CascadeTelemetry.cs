using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>
/// Cascades: how many start, how many units each reaches, how long the writing takes, how many branches are written.
/// Measured once per cascade or batch, never per task.
/// </summary>
public static class CascadeTelemetry
{
    private static readonly Counter<long> Started = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.cascades", "{cascade}", "Cascades started (mode: inline = written in the issuing transaction, batched = checkpointed batches).");

    private static readonly Histogram<int> Size = DirectiveFlowTelemetry.Meter.CreateHistogram<int>(
        "directiveflow.cascade.size", "{unit}", "Target units of each cascade started.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16, 64, 128, 256, 512, 1024, 4096, 16384] });

    private static readonly Histogram<double> Duration = DirectiveFlowTelemetry.Meter.CreateHistogram<double>(
        "directiveflow.cascade.duration", "s", "Time to write a cascade's branches: an inline cascade whole, a batched one from its node's first batch to its last.");

    private static readonly Counter<long> Branches = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.cascade.branches", "{branch}", "Cascade branches (a unit's task, usually) written.");

    /// <summary>A cascade whose targets are resolved: counted now; an inline one's writing is timed until disposed.</summary>
    public static CascadeRun Start(int units, bool inline)
    {
        var mode = new KeyValuePair<string, object?>("mode", inline ? "inline" : "batched");
        Started.Add(1, mode);
        Size.Record(units, mode);
        return new CascadeRun(DirectiveFlowTelemetry.Source.StartActivity("cascade.start"), inline ? units : 0, inline);
    }

    /// <summary>A node writing the batches of a large cascade: each committed batch is told to <see cref="CascadeRun.Wrote"/>.</summary>
    public static CascadeRun Batched() => new(DirectiveFlowTelemetry.Source.StartActivity("cascade.batches"), 0, finished: false);

    /// <summary>The span of one call of the branch writer (an inline cascade, or one batch).</summary>
    public static Activity? WriteBranches(int units) =>
        DirectiveFlowTelemetry.Source.StartActivity("cascade.write")?.SetTag("cascade.units", units);

    /// <summary>One cascade's writing on this node; disposing records its duration once the cascade is whole.</summary>
    public sealed class CascadeRun : IDisposable
    {
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly string _mode;
        private int _branches;
        private bool _finished;

        internal CascadeRun(Activity? activity, int branches, bool finished)
        {
            _activity = activity;
            _branches = branches;
            _finished = finished;
            _mode = finished ? "inline" : "batched";
            _activity?.SetTag("cascade.mode", _mode);
        }

        /// <summary>A batch of <paramref name="branches"/> committed; <paramref name="last"/> when it completed the cascade.</summary>
        public void Wrote(int branches, bool last)
        {
            _branches += branches;
            _finished |= last;
        }

        public void Dispose()
        {
            var mode = new KeyValuePair<string, object?>("mode", _mode);
            if (_branches > 0)
            {
                Branches.Add(_branches, mode);
            }

            if (_finished)
            {
                Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, mode);
            }

            _activity?.SetTag("cascade.branches", _branches);
            _activity?.Dispose();
        }
    }
}
