namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>Told after each committed cascade batch (progress reporting; tests use it to stop the writer mid-cascade).</summary>
public interface ICascadeBatchObserver
{
    ValueTask OnBatchCommittedAsync(Guid cascadeExecutionId, int written, int expected, CancellationToken cancellationToken);
}
