using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Time;

/// <summary>
/// "Now" for a job: the application's clock (the demo clock in demo mode) with the shared demo offset re-read first,
/// so a job on any node computes due work with the time the last advance set, wherever it was made. Jobs read it from
/// the container rather than take it by constructor: Quartz hands its own components its own (real) clock.
/// </summary>
public static class DomainTime
{
    public static async Task<DateTimeOffset> NowAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await RefreshAsync(services, cancellationToken);
        return services.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    /// <summary>Re-reads the demo clock's offset (nothing outside demo mode).</summary>
    public static Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<DemoTimeProvider>()?.RefreshAsync(cancellationToken) ?? Task.CompletedTask;
}
