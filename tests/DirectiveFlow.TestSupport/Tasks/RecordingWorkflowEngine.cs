using System.Collections.Concurrent;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.TestSupport.Tasks;

/// <summary>TEST-ONLY: an engine that records which tasks finished with which outcome, and can be told to fail.</summary>
public sealed class RecordingWorkflowEngine : IWorkflowEngine
{
    public ConcurrentQueue<(Guid TaskId, string Outcome, string Actor)> Finished { get; } = new();

    /// <summary>When set, the next call throws it (to prove the caller's transaction rolls back).</summary>
    public Exception? FailWith { get; set; }

    public Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure)
        {
            FailWith = null;
            throw failure;
        }

        Finished.Enqueue((task.Id, outcome, actor));
        return Task.CompletedTask;
    }

    /// <summary>No sub-cascades in these tests: a task may always complete.</summary>
    public Task<bool> CanCompleteAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken) => Task.FromResult(true);
}
