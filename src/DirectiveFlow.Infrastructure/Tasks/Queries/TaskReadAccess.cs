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
        return await CheckAsync(task, supporting, cancellationToken);
    }

    /// <summary>
    /// The task with what its page heads with — its directive, lead unit, assigner unit and assigned officer — in one
    /// query, and its supporting units with their names in a second, where <see cref="LoadAsync"/> and the look-ups
    /// after it take six.
    /// </summary>
    public async Task<(ReadableTask Readable, TaskHead Head, IReadOnlyList<UnitName> SupportingNames)> LoadWithHeadAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var row = await (
                from t in db.Tasks.AsNoTracking()
                where t.Id == taskId
                join d in db.Directives on t.DirectiveId equals d.Id into directives
                from d in directives.DefaultIfEmpty()
                join lead in db.Units on t.UnitId equals lead.Id into leads
                from lead in leads.DefaultIfEmpty()
                join assigner in db.Units on t.AssignerUnitId equals assigner.Id into assigners
                from assigner in assigners.DefaultIfEmpty()
                join a in db.Users on t.AssignedUserId equals a.Id into assignees
                from a in assignees.DefaultIfEmpty()
                select new
                {
                    Task = t,
                    Head = new TaskHead(
                        d == null ? null : d.Number, d == null ? null : d.Title, d == null ? null : d.Body,
                        lead == null ? null : lead.Code, lead == null ? null : lead.Name,
                        assigner == null ? null : assigner.Code, assigner == null ? null : assigner.Name,
                        a == null ? null : new AssigneeDto(a.Id, a.FullName, a.Position)),
                })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        var supporting = await (
                from s in db.TaskSupportingUnits.AsNoTracking()
                where s.TaskId == taskId
                join u in db.Units on s.UnitId equals u.Id into units
                from u in units.DefaultIfEmpty()
                select new { Row = s, Name = new UnitName(s.UnitId, u == null ? "" : u.Code, u == null ? "" : u.Name) })
            .ToListAsync(cancellationToken);
        var readable = await CheckAsync(row.Task, supporting.Select(s => s.Row).ToList(), cancellationToken);
        return (readable, row.Head, supporting.Select(s => s.Name).ToList());
    }

    private async Task<ReadableTask> CheckAsync(UnitTask task, List<TaskSupportingUnit> supporting, CancellationToken cancellationToken)
    {
        var supportingIds = supporting.Select(s => s.UnitId).ToList();
        var caller = await callers.GetAsync(cancellationToken);
        if (!TaskAccessPolicy.CanRead(caller, task.UnitId, task.AssignerUnitId, supportingIds)
            && !await ObservedTasks.ObservesAsync(db, caller, task.DirectiveId, cancellationToken))
        {
            throw ProblemException.NotFound(ErrorCodes.TaskNotFound);
        }

        return new ReadableTask(task, supporting, caller, TaskAccessPolicy.SidesOf(caller, task.UnitId, task.AssignerUnitId, supportingIds));
    }
}

/// <summary>A task the caller may read, with its supporting units and the caller's sides.</summary>
public sealed record ReadableTask(UnitTask Task, IReadOnlyList<TaskSupportingUnit> Supporting, TaskCaller Caller, TaskSides Sides);

/// <summary>What a task's page heads with besides the task: its directive, lead and assigner units, and assigned officer (null when none).</summary>
public sealed record TaskHead(
    string? DirectiveNumber, string? DirectiveTitle, string? DirectiveBody, string? LeadCode, string? LeadName, string? AssignerCode, string? AssignerName,
    AssigneeDto? Assignee);

/// <summary>A unit's code and name.</summary>
public sealed record UnitName(Guid Id, string Code, string Name);
