using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Runs a walk inside a savepoint of the step's transaction. When the flow cannot go on as defined
/// (<see cref="FlowFaultException"/>: a failing condition, a selector naming no unit, …) the walk's writes are rolled
/// back to the savepoint, the instance is marked Faulted with the reason and journalled, and what the caller changed
/// before (e.g. the task's completion) still commits: the unit's work is never lost to a flaw in the flow.
/// </summary>
public static class FaultGuard
{
    private const string Savepoint = "df_flow_step";

    /// <summary>True when the walk ran; false when it faulted and the instance was marked Faulted.</summary>
    public static async Task<bool> RunAsync(FlowStep step, Func<Task> walk, CancellationToken cancellationToken)
    {
        var db = step.Db;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A flow step runs inside a transaction.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            await walk();
            return true;
        }
        catch (FlowFaultException e)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            db.ChangeTracker.ForgetPending();

            step.Pending.Clear();
            step.DeferredCascades.Clear();
            await db.WorkflowInstances.Where(i => i.Id == step.InstanceId && i.Status == WorkflowInstanceStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Faulted)
                    .SetProperty(i => i.FaultMessage, e.Message)
                    .SetProperty(i => i.ConcurrencyStamp, i => i.ConcurrencyStamp + 1), cancellationToken);
            step.Journal("instance.faulted", e.Message);
            return false;
        }
    }
}
