using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>The morning digest (07:30 by default; the service skips non-working days). Thin: the work is <see cref="DailyDigestService"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new(nameof(DailyDigestJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = DirectiveFlowTelemetry.StartJob(Key.Name);
        using var scope = scopes.CreateScope();
        var now = await DomainTime.NowAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DailyDigestService>().SendAsync(now, cancellationToken);
    }
}
