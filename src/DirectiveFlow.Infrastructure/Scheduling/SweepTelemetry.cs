using System.Diagnostics.Metrics;
using System.Diagnostics;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>The due-work sweep: how long each run takes, the tasks it looks at, and the steps it sends, per step.</summary>
public static class SweepTelemetry
{
    private static readonly Histogram<double> Duration = DirectiveFlowTelemetry.Meter.CreateHistogram<double>(
        "directiveflow.sweep.duration", "s", "Time of one due-work run (the task sweep, then the waiting Delays).");

    private static readonly Counter<long> Tasks = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.sweep.tasks", "{task}", "Due tasks the sweep looked at.");

    private static readonly Counter<long> Effects = DirectiveFlowTelemetry.Meter.CreateCounter<long>(
        "directiveflow.sweep.effects", "{email}",
        "Reminders, escalations and other steps the sweep queued, per step (the journal's action: task.reminder, escalation.level1, …).");

    /// <summary>One due-work run; tell it the result, then dispose it.</summary>
    public static SweepRun Start() => new(DirectiveFlowTelemetry.Source.StartActivity("sweep"));

    /// <summary>The steps one sweep transaction wrote (tasks per directive and journal action), counted per action.</summary>
    public static void Steps(IReadOnlyDictionary<(Guid Directive, string Action), int> counts)
    {
        foreach (var ((_, action), tasks) in counts)
        {
            Effects.Add(tasks, new KeyValuePair<string, object?>("step", action));
        }
    }

    /// <summary>One due-work run being timed.</summary>
    public sealed class SweepRun(Activity? activity) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public DueWorkResult Finished(DueWorkResult result)
        {
            Tasks.Add(result.Sweep.Tasks);
            EmailTelemetry.Queued(result.Sweep.Effects, "sweep");
            activity?.SetTag("sweep.tasks", result.Sweep.Tasks).SetTag("sweep.effects", result.Sweep.Effects)
                .SetTag("sweep.delays_resumed", result.DelaysResumed);
            return result;
        }

        public void Dispose()
        {
            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds);
            activity?.Dispose();
        }
    }
}
