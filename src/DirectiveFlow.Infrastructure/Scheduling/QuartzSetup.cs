using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling.Jobs;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>
/// Quartz on the product's own database: the persistent ADO.NET store (schema created if missing), clustered when
/// <c>Scheduling:Clustered</c> is on, and four recurring jobs — never one trigger per task.
/// </summary>
public static class QuartzSetup
{
    public const string SchedulerName = "DirectiveFlow";

    public static IServiceCollection AddDirectiveFlowQuartz(
        this IServiceCollection services, SchedulingOptions options, DatabaseProvider provider, string connectionString, string? instanceId = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        // A named scheduler (its name is the instance name the tables have always carried): only a named scheduler can
        // have a clock of its own. Quartz runs on real time, not the application's clock: its fire times, misfires and
        // cluster check-ins are shared by every node, and a demo clock moved on one node pushed the triggers a month
        // ahead for all and made the nodes take each other for dead. The jobs read the application's clock (DomainTime).
        // The default scheduler's UseTimeProvider would replace the container's TimeProvider, the demo clock included.
        services.AddQuartz(SchedulerName, q =>
        {
            q.ConfigureScheduler(o =>
            {
                if (instanceId is not null)
                {
                    o.InstanceId = instanceId;
                }
            });

            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                UseProvider(store, provider, connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (options.Clustered)
                {
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
            });
            AddRecurring<DueWorkSweepJob>(q, DueWorkSweepJob.Key, options.SweepCron, zone);
            AddRecurring<DailyDigestJob>(q, DailyDigestJob.Key, options.DigestCron, zone);
            AddRecurring<WeeklySummaryJob>(q, WeeklySummaryJob.Key, options.WeeklyCron, zone);
            AddRecurring<OutboxDispatchJob>(q, OutboxDispatchJob.Key, options.OutboxCron, zone);
        });
        return services;
    }

    /// <summary>Points a persistent store at the product's database on <paramref name="provider"/>.</summary>
    public static void UseProvider(IPersistentStoreBuilder store, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                store.UseSqlite(connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                store.UsePostgres(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                store.UseSqlServer(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    private static void AddRecurring<TJob>(IQuartzBuilder q, JobKey key, string cron, TimeZoneInfo zone)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        // A misfire (the node was down) fires once now, not once per missed minute: the work itself catches up.
        q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-trigger", key.Group)
            .WithCronSchedule(new CronExpression(cron), c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
