using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Notices;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Writes the bookmark of a waiting UnitTask: the task row itself (lead unit, assigner, deadline, first reminder time,
/// policy), its supporting-unit rows and the notices giving it to them. Inside a cascade branch the lead is the branch's unit.
/// </summary>
public sealed class UnitTaskWriter(DeadlineCalculator deadlines, AssignmentNoticeWriter notices)
{
    public async Task WriteAsync(FlowStep step, string activityId, FlowScope scope, CancellationToken cancellationToken)
    {
        var template = new TaskTemplate(step, activityId, deadlines);
        var lead = await LeadAsync(step, template, scope, cancellationToken);
        var existing = await step.Db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == step.InstanceId && t.ActivityId == activityId && t.UnitId == lead.Id && t.ItemNo == scope.ItemNo)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            // The unique (instance, activity, unit, item) row already stands for this work (a loop came back to it).
            step.Journal("task.exists", lead.Code, activityId, existing);
            return;
        }

        var assigner = await AssignerAsync(step, scope, cancellationToken);
        var task = template.CreateForBranch(lead, scope, assigner, scope.ItemNo > 0 ? await step.ItemsAsync(cancellationToken) : null);
        step.Db.Tasks.Add(task);
        var supporting = await AddSupportingAsync(step, template, task, scope, cancellationToken);
        await notices.WriteAssignedAsync(step.Db, [task], supporting, step.Now, cancellationToken);
        step.Journal("task.assigned", lead.Code, activityId, task.Id);
    }

    /// <summary>
    /// Adds the supporting-unit rows of <paramref name="task"/> — the activity's supporting selector's units and, for the
    /// task of an item's lead, the item's own supporting units (none when neither names any) — and answers them.
    /// </summary>
    public static async Task<IReadOnlyList<TaskSupportingUnit>> AddSupportingAsync(
        FlowStep step, TaskTemplate template, UnitTask task, FlowScope scope, CancellationToken cancellationToken)
    {
        var unitIds = new List<Guid>();
        if (template.Properties?.Supporting is { } supporting)
        {
            unitIds.AddRange((await SelectorResolver.ResolveAsync(
                step.Db, supporting, scope.UnitId, step.Directive.IssuingUnitId, step.Directive.Inputs, cancellationToken)).Select(u => u.Id));
        }

        if (scope.ItemNo > 0 && (await step.ItemsAsync(cancellationToken)).TryGetValue(scope.ItemNo, out var item) && item.LeadUnitId == task.UnitId)
        {
            unitIds.AddRange(item.SupportingUnitIds);
        }

        var rows = unitIds.Where(id => id != task.UnitId).Distinct().Select(id => new TaskSupportingUnit { TaskId = task.Id, UnitId = id }).ToList();
        step.Db.TaskSupportingUnits.AddRange(rows);
        return rows;
    }

    /// <summary>The unit that assigned work in <paramref name="scope"/>: the unit the enclosing cascade runs in, else the issuer.</summary>
    public static async Task<Guid> AssignerAsync(FlowStep step, FlowScope scope, CancellationToken cancellationToken)
    {
        if (scope.CascadeExecutionId is not { } cascadeId)
        {
            return step.Directive.IssuingUnitId;
        }

        if (!step.TryGetCascadeUnit(cascadeId, out var unitId))
        {
            unitId = await step.Db.ActivityExecutions.AsNoTracking().Where(e => e.Id == cascadeId)
                .Select(e => e.UnitId).SingleAsync(cancellationToken);
            step.RememberCascadeUnit(cascadeId, unitId);
        }

        return unitId ?? step.Directive.IssuingUnitId;
    }

    private static async Task<TargetUnit> LeadAsync(FlowStep step, TaskTemplate template, FlowScope scope, CancellationToken cancellationToken)
    {
        if (scope.UnitId is { } branchUnit)
        {
            return await SelectorResolver.UnitAsync(step.Db, branchUnit, cancellationToken);
        }

        if (template.Properties?.Lead is not { } lead)
        {
            return await SelectorResolver.UnitAsync(step.Db, step.Directive.IssuingUnitId, cancellationToken);
        }

        var units = await SelectorResolver.ResolveAsync(step.Db, lead, null, step.Directive.IssuingUnitId, step.Directive.Inputs, cancellationToken);
        return units.Count > 0
            ? units[0]
            : throw new FlowFaultException(new ErrorMessage(ErrorCodes.FaultLeadSelectsNoUnit, template.ActivityId));
    }
}
