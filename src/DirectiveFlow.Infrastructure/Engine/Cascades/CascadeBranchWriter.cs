using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

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
        var taskBody = TaskBody(step, cascade.ActivityId);
        var given = cascade.ParentExecutionId is null ? [] : await GivenElsewhereAsync(step, cascade, taskBody, units, cancellationToken);
        if (given.Count > 0)
        {
            units = units.Where(u => !given.ContainsKey(u.Id)).ToList();
        }

        if (taskBody is { } taskActivityId)
        {
            await WriteTaskBranchesAsync(step, cascade, taskActivityId, units, knownNew, cancellationToken);
        }
        else
        {
            await WalkBranchesAsync(step, cascade, units, walker, cancellationToken);
        }

        // Counted after the others are written, so that they alone can never complete the join before them.
        if (given.Count > 0)
        {
            // The count is an UPDATE of the saved row: saved first, and no longer tracked, so the step's last flush cannot
            // write its stale counts back (JoinCounter).
            await step.Db.SaveChangesAsync(cancellationToken);
            if (step.Db.Entry(cascade).State != EntityState.Detached)
            {
                step.Db.Entry(cascade).State = EntityState.Detached;
            }

            await walker.BranchesGivenElsewhereAsync(step, cascade.Id, given.Values.Order(StringComparer.Ordinal).ToList(), cancellationToken);
        }
    }

    /// <summary>
    /// The units among <paramref name="units"/> to whom another run of the same cascade (for another branch of an
    /// enclosing cascade) gave its work already: with <c>counterpartsOf: "branch"</c> every department of a province, or
    /// its pillar unit and its departments, has the same commune counterparts, and a unit leading two items runs its
    /// nested cascade twice. A task is one per (instance, activity, unit, item), so the unit keeps the one it has, answering
    /// to the run that gave it first; this run neither gives nor awaits it (its branch counts as withdrawn). One query, by
    /// the tasks those runs gave directly.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> GivenElsewhereAsync(
        FlowStep step, ActivityExecution cascade, string? taskBody, IReadOnlyList<TargetUnit> units, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).Distinct().ToList();
        List<Guid> given;
        if (taskBody is not null)
        {
            // A body of one task: another run's task is that activity's task for the unit, looked up by the unique
            // (instance, activity, unit, item) index rather than through the runs' executions. It still costs a
            // re-cascading step of the national flow about 4 ms on PostgreSQL in the cascade benchmark (0.3 ms when the
            // same statement is run by hand on the kept database): see bench/README.md, "overlap guard".
            given = await TasksGivenByOtherRuns.For(step.Db)(step.Db, step.InstanceId, taskBody, unitIds, cascade.Id).ToListAsync(cancellationToken);
            return Named(units, given);
        }

        // No flush: the other runs' tasks are in the database already (written in bulk, or saved by earlier steps); a run
        // started earlier in this step, not saved yet, is named from the context. A re-cascading step of the national flow
        // runs this for every province unit, so it adds one query and no round trip of its own besides.
        var (instanceId, activityId, executionId) = (step.InstanceId, cascade.ActivityId, cascade.Id);
        var unsaved = step.Db.ChangeTracker.Entries<ActivityExecution>()
            .Where(e => e.State == EntityState.Added && e.Entity.ActivityId == activityId && e.Entity.Id != executionId)
            .Select(e => (Guid?)e.Entity.Id).ToList();
        var others = step.Db.ActivityExecutions.Where(e => e.InstanceId == instanceId && e.ActivityId == activityId && e.Id != executionId)
            .Select(e => (Guid?)e.Id);
        given = await step.Db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && unitIds.Contains(t.UnitId) && (others.Contains(t.CascadeExecutionId) || unsaved.Contains(t.CascadeExecutionId)))
            .Select(t => t.UnitId).Distinct().ToListAsync(cancellationToken);
        return Named(units, given);
    }

    /// <summary>The units holding the body task of another run: compiled, as every query a cascading step runs.</summary>
    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, Guid, string, List<Guid>, Guid?, IAsyncEnumerable<Guid>>> TasksGivenByOtherRuns =
        new(_ => EF.CompileAsyncQuery((DirectiveFlowDbContext db, Guid instance, string activity, List<Guid> units, Guid? execution) =>
            db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instance && t.ActivityId == activity && units.Contains(t.UnitId) && t.CascadeExecutionId != execution)
                .Select(t => t.UnitId)));

    private static Dictionary<Guid, string> Named(IReadOnlyList<TargetUnit> units, List<Guid> given) =>
        units.Where(u => given.Contains(u.Id)).DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.Code);

    private static async Task WalkBranchesAsync(
        FlowStep step, ActivityExecution cascade, IReadOnlyList<TargetUnit> units, FlowWalker walker, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
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
        if (units.Count == 0)
        {
            return;
        }

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
