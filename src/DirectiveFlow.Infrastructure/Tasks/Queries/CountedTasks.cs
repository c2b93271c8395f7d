using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// The tasks progress and reports count: every task a flow assigned. A unit's re-cascade of its own task to its
/// sub-units is the unit's internal work, answered for by the unit's task, so it is left out (as on the directive
/// page since issue 3). Cancelled tasks are selected but fall in no category (<see cref="TaskCategories"/>).
/// </summary>
public static class CountedTasks
{
    public static IQueryable<UnitTask> All(DirectiveFlowDbContext db) => db.Tasks.Where(t => t.ParentTaskId == null);
}
