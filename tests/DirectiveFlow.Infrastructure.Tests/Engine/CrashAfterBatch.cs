using DirectiveFlow.Infrastructure.Engine.Cascades;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>Stands for the process dying right after batch <c>k</c> committed; counts the batches it saw.</summary>
public sealed class CrashAfterBatch(int batches) : ICascadeBatchObserver
{
    private int _seen;
    private bool _armed = true;

    /// <summary>Batches committed on this node.</summary>
    public int Seen => Volatile.Read(ref _seen);

    public void Disarm() => _armed = false;

    public ValueTask OnBatchCommittedAsync(Guid cascadeExecutionId, int written, int expected, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _seen) == batches && _armed)
        {
            throw new SimulatedCrashException();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A node that never crashes, counting its batches.</summary>
    public static CrashAfterBatch Never() => new(0);

    public sealed class SimulatedCrashException() : Exception("Simulated crash between cascade batches.");
}
