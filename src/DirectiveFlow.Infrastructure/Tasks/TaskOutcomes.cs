using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks;

/// <summary>
/// The outcomes a task may be completed with: its UnitTask's ports in the flow version its directive runs ("Done" and
/// any extra outcome the flow gives it); a sub-cascade's child task, or a task no flow stands behind, only "Done".
/// </summary>
public sealed class TaskOutcomes(WorkflowDefinitionCache definitions, ActivityCatalog activities)
{
    public async Task<IReadOnlyList<string>> OfAsync(DirectiveFlowDbContext db, UnitTask task, CancellationToken cancellationToken)
    {
        var recordId = task.ParentTaskId is null
            ? await db.WorkflowInstances.Where(i => i.Id == task.InstanceId).Select(i => (Guid?)i.DefinitionRecordId).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (recordId is null)
        {
            return [Outcomes.Done];
        }

        var flow = await definitions.GetAsync(db, recordId.Value, cancellationToken);
        var activity = flow.Definition.Activities.FirstOrDefault(a => a.Id == task.ActivityId);
        return activity is null ? [Outcomes.Done] : activities.OutcomesOf(activity);
    }
}
