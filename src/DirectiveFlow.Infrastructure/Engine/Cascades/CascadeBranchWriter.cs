using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes the branches of a cascade for a list of units. When the body starts with a UnitTask (the usual shape) the
/// branch is just its task row, written with the provider's bulk path with its notices (left on their shared model for the
/// dispatcher to expand: <see cref="AssignmentNoticeWriter.WriteCascadeAsync"/>); any other body is walked branch by branch.
/// </summary>
public sealed class CascadeBranchWriter(DeadlineCalculator deadlines, AssignmentNoticeWriter notices)
{
    public async Task WriteAsync(
        FlowStep step, ActivityExecution cascade, IReadOnlyList<TargetUnit> units, FlowWalker walker, bool knownNew, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        using var activity = CascadeTelemetry.WriteBranches(units.Count);
        if (TaskBody(step, cascade.ActivityId) is { } taskActivityId)
        {
            await WriteTaskBranchesAsync(step, cascade, taskActivityId, units, knownNew, cancellationToken);
            return;
        }

        var body = step.Flow.Next(cascade.ActivityId, Outcomes.Each);

        foreach (var unit in units)
        {
            var scope = new FlowScope(cascade.Id, unit.Id, unit.ItemNo);
            if (body.Count == 0)
            {
                await walker.BranchFinishedAsync(step, cascade.Id, cancellationToken);
                continue;
            }

            foreach (var target in body)
            {
                step.Pending.Enqueue(new FlowToken(target, scope));
            }

            await walker.DrainAsync(step, cancellationToken);
        }
    }

    /// <summary>
    /// The UnitTask a cascade's body is, when it is just one (the usual shape): its branches are then task rows, written
    /// in bulk, and the cascade's own execution row may be left for <see cref="WriteAsync"/> to save with them.
    /// </summary>
    public static string? TaskBody(FlowStep step, string cascadeActivityId) =>
        step.Flow.Next(cascadeActivityId, Outcomes.Each) is [var only] && step.Flow.Activity(only).Type == ActivityTypes.UnitTask ? only : null;

    private async Task WriteTaskBranchesAsync(
        FlowStep step, ActivityExecution cascade, string taskActivityId, IReadOnlyList<TargetUnit> units, bool knownNew, CancellationToken cancellationToken)
    {
        var template = new TaskTemplate(step, taskActivityId, deadlines);
        var assigner = cascade.UnitId ?? step.Directive.IssuingUnitId;
        var items = units.Any(u => u.ItemNo > 0) ? await step.ItemsAsync(cancellationToken) : null;
        // Not flushed before the rows: the journal row, and the cascade's execution when the starter left it to this
        // write, go in the step's last SaveChanges with the notice list and its journal (the tasks name the execution, but
        // no constraint asks for it first, and the step reads nothing back before then without saving first:
        // JoinCounter). The step's writes are then the rows and one batch.
        step.Journal("cascade.tasks.written", $"{units.Count} × {taskActivityId}", cascade.ActivityId);

        // Each row is made as the writer asks for it: on PostgreSQL the server takes the COPY's first buffers while the
        // next rows are made, instead of waiting for all of them (a tenth of a national cascade's time). The template
        // has computed the deadline, the one part that can fault the flow, already. Only the rows written get
        // supporting units and notices: a row whose unit already had its task was skipped.
        var rows = units.Select(unit => template.CreateForBranch(unit, new FlowScope(cascade.Id, unit.Id, unit.ItemNo), assigner, items));
        var written = await TaskBulkWriters.For(step.Db).InsertAsync(step.Db, rows, knownNew, cancellationToken);
        var supporting = new List<Core.Tasks.TaskSupportingUnit>();
        if (template.Properties?.Supporting is not null || items is not null)
        {
            foreach (var task in written)
            {
                supporting.AddRange(await UnitTaskWriter.AddSupportingAsync(
                    step, template, task, new FlowScope(cascade.Id, task.UnitId, task.ItemNo), cancellationToken));
            }
        }

        await notices.WriteCascadeAsync(step.Db, written, supporting, step.Now, cancellationToken, step.NoticeFactsFor(assigner));

        if (items is not null)
        {
            // An item's task is the document's own line: each gets its journal row, naming the item and its lead.
            var codes = units.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.Code);
            foreach (var task in written)
            {
                step.Journal("item.assigned", $"{items[task.ItemNo].Number} → {codes[task.UnitId]}", taskActivityId, task.Id);
            }
        }
    }
}
