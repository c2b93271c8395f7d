using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>The weekly summaries still owed (every working day, 08:00 by default). Thin: the work is <see cref="WeeklySummaryService"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklySummaryJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new(nameof(WeeklySummaryJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = DirectiveFlowTelemetry.StartJob(Key.Name);
        using var scope = scopes.CreateScope();
        var now = await DomainTime.NowAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<WeeklySummaryService>().SendAsync(now, cancellationToken);
    }
}
