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
    /// <paramref name="outcome"/>. Writes to <paramref name="db"/> without saving; the caller commits.
    /// </summary>
    Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken);
}
