using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine;

/// <summary>
/// Every operation of the engine. Callers change their own rows and call the engine on the same
/// <see cref="DirectiveFlowDbContext"/> inside one step (<see cref="RunStepAsync{T}"/>), so the task's state, the
/// flow's next step, the journal and the outbox commit together or not at all.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>
    /// The step protocol, in one place: begins a transaction on <paramref name="db"/>, runs <paramref name="work"/>,
    /// saves and commits when it answers <see cref="StepOutcome.Committed{T}"/> (rolls back otherwise), then writes the
    /// batches of the large cascades the step left (<see cref="AfterCommitAsync"/>).
    /// </summary>
    Task<T> RunStepAsync<T>(DirectiveFlowDbContext db, Func<Task<StepOutcome<T>>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the instance of <paramref name="directive"/> on version <paramref name="record"/> and walks it from Start,
    /// inside the caller's open transaction. Cascades listed in the returned step's <see cref="FlowStep.DeferredCascades"/>
    /// must be handed to <see cref="AfterCommitAsync"/> once the caller has committed (<see cref="RunStepAsync{T}"/> does).
    /// </summary>
    Task<FlowStep> StartInstanceAsync(DirectiveFlowDbContext db, Directive directive, WorkflowDefinitionRecord record, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the flow on from a task whose status the caller has already made final, inside the open transaction.
    /// Answers the cascades to write after commit (only when <paramref name="canDefer"/>).
    /// </summary>
    Task<IReadOnlyList<Guid>> ContinueFromTaskAsync(
        DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, bool canDefer, CancellationToken cancellationToken);

    /// <summary>Writes (or queues for the background writer) the batches of cascades a committed step left.</summary>
    Task AfterCommitAsync(IEnumerable<Guid> deferredCascades, CancellationToken cancellationToken);

    /// <summary>
    /// The task's work is finished (completed without review, or accepted by its reviewer): move its branch on along
    /// <paramref name="outcome"/> ("Done", "Accepted" or one of the task's extra outcomes). Writes to
    /// <paramref name="db"/> inside the caller's open transaction without committing; the caller commits. When no
    /// transaction is open the engine opens one, saves and commits it itself, so everything still commits together.
    /// </summary>
    Task OnTaskFinishedAsync(DirectiveFlowDbContext db, UnitTask task, string outcome, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The task was withdrawn (cancelled by an administrator; the caller has made its status final): its branch ends
    /// where it stands and counts on its join — a cascade's, or its unit's sub-cascade's — so neither waits for it; at the
    /// top level the instance completes when nothing else is open. Inside the caller's open transaction, like
    /// <see cref="OnTaskFinishedAsync"/>; the caller commits.
    /// </summary>
    Task OnTaskCancelledAsync(DirectiveFlowDbContext db, UnitTask task, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="task"/> may complete now: false while a sub-cascade its unit started is still open,
    /// unless the flow allows completing before it (<see cref="UnitTask.AllowCompleteBeforeSubCascade"/>).
    /// </summary>
    Task<bool> CanCompleteAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken);
}
