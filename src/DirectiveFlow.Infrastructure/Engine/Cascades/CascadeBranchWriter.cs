using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Runtime;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes the branches of a cascade for a list of units. When the body starts with a UnitTask (the usual shape) the
/// branch is just its task row, written with the provider's bulk path; any other body is walked branch by branch.
/// </summary>
public sealed class CascadeBranchWriter(DeadlineCalculator deadlines)
{
    public async Task WriteAsync(
        FlowStep step, ActivityExecution cascade, IReadOnlyList<TargetUnit> units, FlowWalker walker, bool knownNew, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        var body = step.Flow.Next(cascade.ActivityId, Outcomes.Each);
        if (body.Count == 1 && step.Flow.Activity(body[0]).Type == ActivityTypes.UnitTask)
        {
            await WriteTaskBranchesAsync(step, cascade, body[0], units, knownNew, cancellationToken);
            return;
        }

        foreach (var unit in units)
        {
            var scope = new FlowScope(cascade.Id, unit.Id);
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

    private async Task WriteTaskBranchesAsync(
        FlowStep step, ActivityExecution cascade, string taskActivityId, IReadOnlyList<TargetUnit> units, bool knownNew, CancellationToken cancellationToken)
    {
        var template = new TaskTemplate(step, taskActivityId, deadlines);
        var assigner = cascade.UnitId ?? step.Directive.IssuingUnitId;
        var rows = new List<Core.Tasks.UnitTask>(units.Count);
        foreach (var unit in units)
        {
            rows.Add(template.CreateFor(unit, new FlowScope(cascade.Id, unit.Id), assigner));
        }

        await step.Db.SaveChangesAsync(cancellationToken);
        await TaskBulkWriters.For(step.Db).InsertAsync(step.Db, rows, knownNew, cancellationToken);
        if (template.Properties?.Supporting is not null)
        {
            foreach (var task in rows)
            {
                await UnitTaskWriter.AddSupportingAsync(step, template, task, new FlowScope(cascade.Id, task.UnitId), cancellationToken);
            }
        }

        step.Journal("cascade.tasks.written", $"{units.Count} × {taskActivityId}", cascade.ActivityId);
    }
}
