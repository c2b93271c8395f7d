using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>The due-work sweep (every minute by default): reminders, due notices, escalations, missing progress reports. Thin: the work is <see cref="DueWorkRunner"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class DueWorkSweepJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new(nameof(DueWorkSweepJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = DirectiveFlowTelemetry.StartJob(Key.Name);
        using var scope = scopes.CreateScope();
        var now = await DomainTime.NowAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DueWorkRunner>().RunAsync(now, cancellationToken);
    }
}
