using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The join of a cascade: one atomic <c>UPDATE … SET CompletedBranches = CompletedBranches + 1</c> per finished
/// branch (O(1), never loading branches), and a guarded status transition so the Done port is taken exactly once,
/// however many branches finish at the same moment.
/// </summary>
public static class JoinCounter
{
    /// <summary>
    /// Counts one finished branch; returns the cascade when this branch completed it, else null. A branch whose task was
    /// withdrawn (<paramref name="withdrawn"/>: cancelled by an administrator) counts the same, journalled as withdrawn.
    /// </summary>
    public static Task<ActivityExecution?> BranchFinishedAsync(
        FlowStep step, Guid cascadeExecutionId, CancellationToken cancellationToken, bool withdrawn = false) =>
        CountAsync(step, cascadeExecutionId, 1, withdrawn, withdrawn ? "branch.withdrawn" : "branch.completed", null, cancellationToken);

    /// <summary>
    /// Counts the branches of a cascade whose units were already given the same work by another run of that cascade
    /// (<see cref="Cascades.CascadeBranchWriter"/>) as withdrawn: this run neither gives nor awaits them. Returns the
    /// cascade when they completed it, else null.
    /// </summary>
    public static Task<ActivityExecution?> BranchesGivenElsewhereAsync(
        FlowStep step, Guid cascadeExecutionId, IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken) =>
        CountAsync(step, cascadeExecutionId, unitCodes.Count, true, "branch.given",
            string.Join(", ", unitCodes.Take(JournalCodes)) + (unitCodes.Count > JournalCodes ? $" … +{unitCodes.Count - JournalCodes}" : ""), cancellationToken);

    /// <summary>The units named in a <c>branch.given</c> line: a province's communes are a hundred and more.</summary>
    private const int JournalCodes = 20;

    private static async Task<ActivityExecution?> CountAsync(
        FlowStep step, Guid cascadeExecutionId, int count, bool withdrawn, string journal, string? units, CancellationToken cancellationToken)
    {
        await step.Db.SaveChangesAsync(cancellationToken);
        // Statement and read built once per model: a cascade of thousands of branches counts each of them here.
        await ProviderValues.ExecuteAsync(step.Db.Database, ProviderSql.For(step.Db).CountFinishedBranch, cancellationToken,
            ("@id", new ProviderValues(step.Db.Database.ProviderName).Id(cascadeExecutionId)), ("@count", count), ("@withdrawn", withdrawn ? count : 0));
        // Read back inside the same transaction: the row is locked by the update, so this is the value it set.
        var cascade = await Executions.For(step.Db)(step.Db, cascadeExecutionId, cancellationToken);
        var tally = $"{cascade.CompletedBranches}/{cascade.ExpectedBranches}";
        step.Journal(journal, units is null ? tally : $"{tally}: {units}", cascade.ActivityId);
        return IsMet(step, cascade) ? await TryCompleteAsync(step, cascade, cancellationToken) : null;
    }

    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, CancellationToken, Task<ActivityExecution>>> Executions = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext db, Guid id, CancellationToken _) => db.ActivityExecutions.AsNoTracking().Single(e => e.Id == id)));

    /// <summary>Moves the cascade from waiting to completed; only the one caller that wins the transition gets it back.</summary>
    public static async Task<ActivityExecution?> TryCompleteAsync(FlowStep step, ActivityExecution cascade, CancellationToken cancellationToken)
    {
        var won = await step.Db.ActivityExecutions
            .Where(e => e.Id == cascade.Id && (e.Status == ActivityExecutionStatus.Waiting || e.Status == ActivityExecutionStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ActivityExecutionStatus.Completed)
                .SetProperty(e => e.Outcome, "Done")
                .SetProperty(e => e.CompletedAt, step.Now)
                .SetProperty(e => e.ConcurrencyStamp, e => e.ConcurrencyStamp + 1), cancellationToken);
        if (won == 0)
        {
            return null;
        }

        step.Journal(cascade.ActivityType == ExecutionKinds.SubCascade ? "subcascade.completed" : "cascade.completed",
            $"{cascade.CompletedBranches}/{cascade.ExpectedBranches}", cascade.ActivityId);
        return cascade;
    }

    /// <summary>Whether anything at the top level (outside cascade branches) still waits.</summary>
    public static async Task<bool> HasOpenTopLevelWorkAsync(FlowStep step, CancellationToken cancellationToken)
    {
        if (step.Pending.Any(t => !t.Scope.IsBranch))
        {
            return true;
        }

        await step.Db.SaveChangesAsync(cancellationToken);
        var id = step.InstanceId;
        return await step.Db.Tasks.AnyAsync(t => t.InstanceId == id && t.CascadeExecutionId == null && t.ParentTaskId == null
                && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled, cancellationToken)
            || await step.Db.ActivityExecutions.AnyAsync(e => e.InstanceId == id && e.ParentExecutionId == null
                && e.ActivityType != ExecutionKinds.SubCascade
                && (e.Status == ActivityExecutionStatus.Running || e.Status == ActivityExecutionStatus.Waiting), cancellationToken);
    }

    /// <summary>Marks the instance completed (once) and ends the step's walk.</summary>
    public static async Task CompleteInstanceAsync(FlowStep step, CancellationToken cancellationToken)
    {
        await step.Db.SaveChangesAsync(cancellationToken);
        var won = await step.Db.WorkflowInstances
            .Where(i => i.Id == step.InstanceId && i.Status == WorkflowInstanceStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Completed)
                .SetProperty(i => i.CompletedAt, step.Now)
                .SetProperty(i => i.ConcurrencyStamp, i => i.ConcurrencyStamp + 1), cancellationToken);
        if (won == 1)
        {
            step.Journal("instance.completed", null);
        }

        step.CompletedInstance = true;
    }

    /// <summary>
    /// The completion rule of the cascade: all branches, a percentage of them, or (when the deadline passes) whatever is
    /// done. A percentage is of the branches still awaited: withdrawn ones count neither as done nor as expected.
    /// </summary>
    public static bool IsMet(FlowStep step, ActivityExecution cascade)
    {
        if (cascade.CompletedBranches >= cascade.ExpectedBranches)
        {
            return true;
        }

        if (cascade.ActivityType != ActivityTypes.Cascade)
        {
            return false;
        }

        return step.Flow.Properties<CascadeProperties>(cascade.ActivityId).Completion
            .IsMet(cascade.ExpectedBranches - cascade.WithdrawnBranches, cascade.CompletedBranches - cascade.WithdrawnBranches);
    }
}
