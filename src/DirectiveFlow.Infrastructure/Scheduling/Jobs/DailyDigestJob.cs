using DirectiveFlow.Infrastructure.Scheduling.Digests;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>The morning digest (07:30 by default; the service skips non-working days). Thin: the work is <see cref="DailyDigestService"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new(nameof(DailyDigestJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<DailyDigestService>();
        await service.SendAsync(time.GetUtcNow(), cancellationToken);
    }
}
