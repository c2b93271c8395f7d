using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>Sends due outbox messages (every 15 seconds by default). Thin: the work is <see cref="OutboxDispatcher"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new(nameof(OutboxDispatchJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = DirectiveFlowTelemetry.StartJob(Key.Name);
        using var scope = scopes.CreateScope();
        await DomainTime.RefreshAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
    }
}
