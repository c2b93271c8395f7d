using DirectiveFlow.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling.Jobs;

/// <summary>Sends due outbox messages (every 15 seconds by default). Thin: the work is <see cref="OutboxDispatcher"/>, which tests call directly.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new(nameof(OutboxDispatchJob), "directiveflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        await service.DispatchAsync(cancellationToken);
    }
}
