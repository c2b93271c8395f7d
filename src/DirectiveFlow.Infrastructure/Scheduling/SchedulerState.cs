using DirectiveFlow.Infrastructure.Scheduling.Jobs;
using DirectiveFlow.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>
/// What the scheduler check reports: whether Quartz runs on this node (not when <c>Scheduling:Enabled</c> is off),
/// since when, and when the due-work sweep last fired. The last fire is the trigger's, read from Quartz's tables: in a
/// cluster it is the last sweep of any node. Times are real time (Quartz's clock), not the demo clock.
/// </summary>
public sealed record SchedulerState(bool Enabled, bool Running, DateTimeOffset? RunningSince, DateTimeOffset? LastSweep)
{
    public static async Task<SchedulerState> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The named scheduler's factory is registered only when Scheduling:Enabled was on as the services were built.
        if (!services.GetRequiredService<SchedulingOptions>().Enabled
            || services.GetKeyedService<ISchedulerFactory>(QuartzSetup.SchedulerName) is not { } factory)
        {
            return new SchedulerState(false, false, null, null);
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var metadata = scheduler is null ? null : await scheduler.GetMetadata(cancellationToken);
        if (scheduler is null || metadata is not { Status: SchedulerStatus.Running })
        {
            return new SchedulerState(true, false, null, null);
        }

        var since = metadata.RunningSince;
        var triggers = await scheduler.GetTriggersOfJob(DueWorkSweepJob.Key, cancellationToken);
        var last = triggers.Select(t => t.PreviousFireTimeUtc).Max();
        return new SchedulerState(true, true, since, last);
    }
}
