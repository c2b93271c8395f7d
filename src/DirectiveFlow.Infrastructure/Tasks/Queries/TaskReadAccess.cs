using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>Loads a task for reading, or answers 404 — the same for "no such task" and "not yours to see".</summary>
public sealed class TaskReadAccess(DirectiveFlowDbContext db, TaskCallerResolver callers)
{
    public async Task<ReadableTask> LoadAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        var supporting = await db.TaskSupportingUnits.AsNoTracking().Where(s => s.TaskId == taskId).ToListAsync(cancellationToken);
        var supportingIds = supporting.Select(s => s.UnitId).ToList();
        var caller = await callers.GetAsync(cancellationToken);
        if (!TaskAccessPolicy.CanRead(caller, task.UnitId, task.AssignerUnitId, supportingIds))
        {
            throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        }

        return new ReadableTask(task, supporting, caller, TaskAccessPolicy.SidesOf(caller, task.UnitId, task.AssignerUnitId, supportingIds));
    }
}

/// <summary>A task the caller may read, with its supporting units and the caller's sides.</summary>
public sealed record ReadableTask(UnitTask Task, IReadOnlyList<TaskSupportingUnit> Supporting, TaskCaller Caller, TaskSides Sides);
