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
        var nested = cascade.ParentExecutionId is not null;
        Dictionary<Guid, string> given;
        if (TaskBody(step, cascade.ActivityId) is { } taskActivityId)
        {
            // Written first, checked after: a row whose unit holds the task already is skipped by the writer, and only
            // then is it asked whether another run gave it (rather than this run, in a batch written again).
            var existing = !knownNew ? ExistingTasks.Possible : nested ? ExistingTasks.Unlikely : ExistingTasks.None;
            var written = await WriteTaskBranchesAsync(step, cascade, taskActivityId, units, existing, cancellationToken);
            given = nested && written.Count < units.Count
                ? await GivenElsewhereAsync(step, cascade, taskActivityId, Skipped(units, written), cancellationToken)
                : [];
        }
        else
        {
            given = nested ? await WalkedGivenElsewhereAsync(step, cascade, units, cancellationToken) : [];
            await WalkBranchesAsync(step, cascade, given.Count > 0 ? units.Where(u => !given.ContainsKey(u.Id)).ToList() : units, walker, cancellationToken);
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

    /// <summary>The units whose rows the writer skipped.</summary>
    private static List<TargetUnit> Skipped(IReadOnlyList<TargetUnit> units, IReadOnlyList<Core.Tasks.UnitTask> written)
    {
        var stored = written.Select(t => (t.UnitId, t.ItemNo)).ToHashSet();
        return units.Where(u => !stored.Contains((u.Id, u.ItemNo))).ToList();
    }

    /// <summary>
    /// The units among <paramref name="units"/> to whom another run of the same cascade (for another branch of an
    /// enclosing cascade) gave its work already: with <c>counterpartsOf: "branch"</c> every department of a province, or
    /// its pillar unit and its departments, has the same commune counterparts, and a unit leading two items runs its
    /// nested cascade twice. A task is one per (instance, activity, unit, item), so the unit keeps the one it has, answering
    /// to the run that gave it first; this run neither gives nor awaits it (its branch counts as withdrawn).
    /// </summary>
    /// <remarks>
    /// A body of one task: asked only for the rows the writer skipped, by the unique (instance, activity, unit, item)
    /// index. Asked for every run, this query cost a re-cascading step of the national flow about 4 ms on PostgreSQL: while
    /// the benchmark writes, the table's statistics say the instance has next to no tasks, so the plan scanned all of the
    /// activity's tasks in the instance and filtered them by unit (bench/README.md, "overlap guard").
    /// </remarks>
    private static async Task<Dictionary<Guid, string>> GivenElsewhereAsync(
        FlowStep step, ActivityExecution cascade, string taskBody, IReadOnlyList<TargetUnit> units, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).Distinct().ToList();
        var given = await TasksGivenByOtherRuns.For(step.Db)(step.Db, step.InstanceId, taskBody, unitIds, cascade.Id).ToListAsync(cancellationToken);
        return Named(units, given);
    }

    /// <summary>
    /// <see cref="GivenElsewhereAsync"/> for a body walked branch by branch, asked before the walk (which writes more than a
    /// row per unit), by the tasks the other runs gave directly. No flush: the other runs' tasks are in the database already
    /// (written in bulk, or saved by earlier steps); a run started earlier in this step, not saved yet, is named from the
    /// context.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> WalkedGivenElsewhereAsync(
        FlowStep step, ActivityExecution cascade, IReadOnlyList<TargetUnit> units, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).Distinct().ToList();
        var (instanceId, activityId, executionId) = (step.InstanceId, cascade.ActivityId, cascade.Id);
        var unsaved = step.Db.ChangeTracker.Entries<ActivityExecution>()
            .Where(e => e.State == EntityState.Added && e.Entity.ActivityId == activityId && e.Entity.Id != executionId)
            .Select(e => (Guid?)e.Entity.Id).ToList();
        var others = step.Db.ActivityExecutions.Where(e => e.InstanceId == instanceId && e.ActivityId == activityId && e.Id != executionId)
            .Select(e => (Guid?)e.Id);
        var given = await step.Db.Tasks.AsNoTracking()
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

    private async Task<IReadOnlyList<Core.Tasks.UnitTask>> WriteTaskBranchesAsync(
        FlowStep step, ActivityExecution cascade, string taskActivityId, IReadOnlyList<TargetUnit> units, ExistingTasks existing, CancellationToken cancellationToken)
    {
        var template = new TaskTemplate(step, taskActivityId, deadlines);
        var assigner = cascade.UnitId ?? step.Directive.IssuingUnitId;
        var items = units.Any(u => u.ItemNo > 0) ? await step.ItemsAsync(cancellationToken) : null;
        // Not flushed before the rows: the cascade's execution, when the starter left it to this write, goes in the step's
        // last SaveChanges with the journal and the notice list (the tasks name the execution, but no constraint asks for
        // it first, and the step reads nothing back before then without saving first: JoinCounter). The step's writes are
        // then the rows and one batch.
        //
        // Each row is made as the writer asks for it: on PostgreSQL the server takes the COPY's first buffers while the
        // next rows are made, instead of waiting for all of them (a tenth of a national cascade's time). The template
        // has computed the deadline, the one part that can fault the flow, already. Only the rows written get
        // supporting units and notices: a row whose unit already had its task was skipped.
        var rows = units.Select(unit => template.CreateForBranch(unit, new FlowScope(cascade.Id, unit.Id, unit.ItemNo), assigner, items));
        var written = await TaskBulkWriters.For(step.Db).InsertAsync(step.Db, rows, existing, cancellationToken);
        step.Journal("cascade.tasks.written", $"{written.Count} × {taskActivityId}", cascade.ActivityId);
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
            // An item's task is the document's own line: each gets its journal row, naming the item and its lead (not the
            // work a nested cascade gives others for the item).
            var codes = units.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.Code);
            foreach (var task in written.Where(t => items.TryGetValue(t.ItemNo, out var item) && item.LeadUnitId == t.UnitId))
            {
                step.Journal("item.assigned", $"{items[task.ItemNo].Number} → {codes[task.UnitId]}", taskActivityId, task.Id);
            }
        }

        return written;
    }
}
