using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine;

/// <summary>
/// The contract between task handling and the engine. Task commands change a task inside their own transaction and
/// call the engine on the same <see cref="DirectiveFlowDbContext"/> before committing, so the task's state, the
/// flow's next step, the journal and the outbox commit together or not at all.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>
    /// The task's work is finished (completed without review, or accepted by its reviewer): move its branch on along
    /// <paramref name="outcome"/> ("Done", "Accepted" or one of the task's extra outcomes). Writes to
    /// <paramref name="db"/> inside the caller's open transaction without committing; the caller commits. When no
    /// transaction is open the engine opens one, saves and commits it itself, so everything still commits together.
    /// </summary>
    Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="task"/> may complete now: false while a sub-cascade its unit started is still open,
    /// unless the flow allows completing before it (<see cref="UnitTask.AllowCompleteBeforeSubCascade"/>).
    /// </summary>
    Task<bool> CanCompleteAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken);
}
