using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>
/// The one place that says who may read and do what on a unit task.
/// <list type="bullet">
/// <item>Officers, heads and a unit's issuer account act for their own unit (lead actions on its tasks, contributions
/// where it supports). Heads also read the tasks of their sub-units, but act only for their own unit.</item>
/// <item>The assigner side — any acting account of the task's <see cref="UnitTask.AssignerUnitId"/> — reviews and
/// decides extensions; administrators may do the same on its behalf, and alone may cancel.</item>
/// <item>Administrators and observers of the whole country read everything; an observer of a provincial unit reads
/// her province's directives' tasks besides her unit's (<see cref="ObservedTasks"/>); observers change nothing.</item>
/// </list>
/// A caller who may not read a task is told it does not exist (404); one who may read it but not act gets 403.
/// </summary>
public static class TaskAccessPolicy
{
    /// <summary>The sides <paramref name="caller"/> stands on for a task with the given lead, assigner and supporting units.</summary>
    public static TaskSides SidesOf(TaskCaller caller, Guid leadUnitId, Guid assignerUnitId, IReadOnlyCollection<Guid> supportingUnitIds)
    {
        var sides = caller.IsAdministrator ? TaskSides.Administrator : TaskSides.None;
        if (!caller.ActsForUnit || caller.UnitId is not { } unit)
        {
            return sides;
        }

        if (unit == leadUnitId)
        {
            sides |= TaskSides.Lead;
        }

        if (supportingUnitIds.Contains(unit))
        {
            sides |= TaskSides.Supporting;
        }

        if (unit == assignerUnitId)
        {
            sides |= TaskSides.Assigner;
        }

        return sides;
    }

    /// <summary>
    /// Whether the caller may know the task exists: it reads everything, or its unit sees the lead, the assigner or a
    /// supporting unit. A provincial observer may also read it by its directive (<see cref="ObservedTasks.ObservesAsync"/>).
    /// </summary>
    public static bool CanRead(TaskCaller caller, Guid leadUnitId, Guid assignerUnitId, IReadOnlyCollection<Guid> supportingUnitIds) =>
        caller.ReadsEverything
        || caller.VisibleUnitIds.Contains(leadUnitId)
        || caller.VisibleUnitIds.Contains(assignerUnitId)
        || supportingUnitIds.Any(caller.VisibleUnitIds.Contains);

    /// <summary>Whether standing on <paramref name="sides"/> gives the right to <paramref name="action"/> (state aside).</summary>
    public static bool MayPerform(TaskAction action, TaskSides sides) => action switch
    {
        TaskAction.Acknowledge or TaskAction.Progress or TaskAction.Complete or TaskAction.RequestExtension =>
            sides.HasFlag(TaskSides.Lead),
        TaskAction.Contribute => sides.HasFlag(TaskSides.Supporting),
        TaskAction.Review or TaskAction.DecideExtension =>
            sides.HasFlag(TaskSides.Assigner) || sides.HasFlag(TaskSides.Administrator),
        TaskAction.Cancel => sides.HasFlag(TaskSides.Administrator),
        _ => false,
    };

    /// <summary>Whether the caller may give the task to one of its unit's people: the lead unit's head or officers.</summary>
    public static bool MayAssign(TaskSides sides) => sides.HasFlag(TaskSides.Lead);

    /// <summary>Throws 403 unless the caller may assign the task (<see cref="MayAssign"/>).</summary>
    public static void EnsureMayAssign(TaskSides sides)
    {
        if (!MayAssign(sides))
        {
            throw ProblemException.Forbidden(ErrorCodes.OnlyUnitAssigns);
        }
    }

    /// <summary>Throws 403 unless the sides give the right to the action.</summary>
    public static void EnsureMayPerform(TaskAction action, TaskSides sides)
    {
        if (!MayPerform(action, sides))
        {
            throw ProblemException.Forbidden(action switch
            {
                TaskAction.Contribute => ErrorCodes.OnlySupportingUnit,
                TaskAction.Review or TaskAction.DecideExtension =>
                    ErrorCodes.OnlyAssigningUnit,
                TaskAction.Cancel => ErrorCodes.OnlyAdministratorCancels,
                _ => ErrorCodes.OnlyLeadUnit,
            });
        }
    }
}
