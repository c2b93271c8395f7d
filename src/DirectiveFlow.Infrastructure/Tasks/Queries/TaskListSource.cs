using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// The tasks a list filter selects among those the caller may see, as one query to page or count. Shared by the task
/// list and the category counts, so a count always matches the rows listed under it.
/// </summary>
public sealed class TaskListSource(DirectiveFlowDbContext db, TaskCallerResolver callers, TaskClock clock)
{
    /// <summary>
    /// Selects the filter's tasks and reads them with <paramref name="read"/>, on one connection for the caller's units
    /// and every query of <paramref name="read"/> (an open per query costs more than a small inbox query).
    /// </summary>
    public Task<T> ReadAsync<T>(TaskListFilter f, Func<IQueryable<UnitTask>, Task<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(f, read, null, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(TaskListFilter, Func{IQueryable{UnitTask}, Task{T}}, CancellationToken)"/>, but the
    /// default inbox of a caller who does not read everything (<see cref="DefaultInbox.Applies"/>) is read by
    /// <paramref name="readDefault"/> from the caller's units (compiled queries) instead.
    /// </summary>
    public async Task<T> ReadAsync<T>(
        TaskListFilter f, Func<IQueryable<UnitTask>, Task<T>> read, Func<List<Guid>, Task<T>>? readDefault, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (readDefault is not null && DefaultInbox.Applies(f) && await callers.GetAsync(cancellationToken) is { ReadsOwnUnitsOnly: true } caller)
            {
                return await readDefault(caller.VisibleUnitIds.ToList());
            }

            return await read(await SelectAsync(f, cancellationToken));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IQueryable<UnitTask>> SelectAsync(TaskListFilter f, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var visible = caller.VisibleUnitIds.ToList();
        if (f.UnitId is { } wanted && caller.ReadsOwnUnitsOnly && !visible.Contains(wanted) && f.Scope == TaskListScope.Mine)
        {
            throw ProblemException.Forbidden(ErrorCodes.UnitTasksForbidden);
        }

        IQueryable<UnitTask> tasks = db.Tasks;
        if (ObservedTasks.DirectiveIds(db, caller) is { } observed)
        {
            // As an observer of the whole country has every task in every list, an observer of a province has all she
            // reads: her province's directives' tasks and her own unit's.
            tasks = tasks.Where(t => observed.Contains(t.DirectiveId)
                || EF.Parameter(visible).Contains(t.UnitId) || EF.Parameter(visible).Contains(t.AssignerUnitId)
                || db.TaskSupportingUnits.Any(s => s.TaskId == t.Id && EF.Parameter(visible).Contains(s.UnitId)));
        }
        else if (!caller.ReadsEverything)
        {
            tasks = f.Scope switch
            {
                TaskListScope.Assigned => tasks.Where(t => EF.Parameter(visible).Contains(t.AssignerUnitId)),
                TaskListScope.Supporting => tasks.Where(t => db.TaskSupportingUnits.Any(s => s.TaskId == t.Id && EF.Parameter(visible).Contains(s.UnitId))),
                _ => tasks.Where(t => EF.Parameter(visible).Contains(t.UnitId)),
            };
        }

        if (f.AssignedToMe)
        {
            var me = caller.UserName;
            tasks = tasks.Where(t => db.Users.Any(u => u.Id == t.AssignedUserId && u.UserName == me));
        }

        return Narrow(tasks, f);
    }

    private IQueryable<UnitTask> Narrow(IQueryable<UnitTask> tasks, TaskListFilter f)
    {
        if (f.UnitId is { } unitId)
        {
            tasks = tasks.Where(t => t.UnitId == unitId);
        }

        if (f.Statuses.Count > 0)
        {
            var statuses = f.Statuses.ToList();
            tasks = tasks.Where(t => statuses.Contains(t.Status));
        }

        if (f.Category is { } category)
        {
            tasks = tasks.Where(TaskCategories.Where(category, clock.Time));
        }

        if (f.DueSoon)
        {
            tasks = tasks.Where(TaskCategories.DueSoon(clock.Time));
        }

        if (f.DirectiveId is { } directiveId)
        {
            tasks = tasks.Where(t => t.DirectiveId == directiveId);
        }

        if (f.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.DueAt <= before);
        }

        if (f.DueAfter is { } after)
        {
            tasks = tasks.Where(t => t.DueAt >= after);
        }

        return tasks;
    }
}
