using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Tasks;

/// <summary>
/// The outcomes a task may be completed with: its UnitTask's ports in the flow version its directive runs ("Done" and
/// any extra outcome the flow gives it); a sub-cascade's child task, or a task no flow stands behind, only "Done".
/// </summary>
public sealed class TaskOutcomes(WorkflowDefinitionCache definitions, ActivityCatalog activities)
{
    /// <param name="definitionRecordId">The flow version the task's instance runs (<see cref="Commands.TaskWorkspace.DefinitionRecordId"/>, read
    /// with the task), none when no flow stands behind it.</param>
    public async Task<IReadOnlyList<string>> OfAsync(
        DirectiveFlowDbContext db, UnitTask task, Guid? definitionRecordId, CancellationToken cancellationToken)
    {
        if (task.ParentTaskId is not null || definitionRecordId is not { } recordId)
        {
            return [Outcomes.Done];
        }

        var flow = await definitions.GetAsync(db, recordId, cancellationToken);
        var activity = flow.Definition.Activities.FirstOrDefault(a => a.Id == task.ActivityId);
        return activity is null ? [Outcomes.Done] : activities.OutcomesOf(activity);
    }
}
