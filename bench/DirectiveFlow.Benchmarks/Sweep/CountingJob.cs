using Quartz;

namespace DirectiveFlow.Benchmarks.Sweep;

/// <summary>The per-task alternative's job: does nothing but count, so only Quartz's own cost is measured.</summary>
public sealed class CountingJob : IJob
{
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static void Reset() => Interlocked.Exchange(ref _count, 0);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.CompletedTask;
    }
}
