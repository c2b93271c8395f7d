using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>The due-work sweep (every minute by default): reminders, due notices, escalations, missing progress reports. Thin: the work is <see cref="DueWorkRunner"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class DueWorkSweepJob(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new(nameof(DueWorkSweepJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<DueWorkRunner>();
        await service.RunAsync(time.GetUtcNow(), cancellationToken);
    }
}
