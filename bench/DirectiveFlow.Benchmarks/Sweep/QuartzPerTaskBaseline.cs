using System.Diagnostics;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Benchmarks.Sweep;

/// <summary>
/// The design the product avoids: one Quartz job + one-off trigger per task in the persistent store (default
/// scheduler settings). Measures scheduling N triggers and firing them, on the same database.
/// </summary>
internal static class QuartzPerTaskBaseline
{
    public static async Task<(double ScheduledPerSecond, double FiredPerSecond)> RunAsync(DatabaseProvider provider, string connectionString, int count)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "bench-per-task");
            q.UseTimeProvider(TimeProvider.System);
            q.AddJobType<CountingJob>();
            q.UsePersistentStore(store =>
            {
                QuartzSetup.UseProvider(store, provider, connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        await using var container = services.BuildServiceProvider();
        var scheduler = await container.GetRequiredService<ISchedulerFactory>().GetScheduler();
        CountingJob.Reset();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var job = JobBuilder.Create<CountingJob>().WithIdentity($"task-{i}", "bench").Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"task-{i}", "bench").StartNow().Build();
            await scheduler.ScheduleJob(job, trigger);
        }

        var scheduled = watch.Elapsed;
        watch.Restart();
        await scheduler.Start();
        var limit = DateTime.UtcNow.AddMinutes(5);
        while (CountingJob.Count < count && DateTime.UtcNow < limit)
        {
            await Task.Delay(20);
        }

        var fired = watch.Elapsed;
        var done = CountingJob.Count;
        await scheduler.Shutdown(waitForJobsToComplete: true);
        if (done != count)
        {
            throw new InvalidOperationException($"Quartz fired {done:N0} of its {count:N0} triggers within 5 minutes: the rate would be extrapolated from a smaller N.");
        }

        return (count / scheduled.TotalSeconds, done / fired.TotalSeconds);
    }
}
