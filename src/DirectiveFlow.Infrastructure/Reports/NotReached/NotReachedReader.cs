using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.NotReached;

/// <summary>
/// Finds the open tasks that gate a cascade (<see cref="GatedCascades"/>) among a set of tasks, and resolves each
/// cascade's targets as the engine would if the task completed now (<see cref="SelectorResolver"/>: the task's unit
/// is the branch, the directive's issuer and inputs as issued). Each distinct selector is resolved once per call.
/// </summary>
public sealed class NotReachedReader(DirectiveFlowDbContext db, WorkflowDefinitionCache flows, IWorkingDayCalendar calendar)
{
    /// <summary>The gating tasks among <paramref name="tasks"/> whose cascade would reach a unit counted in <paramref name="scope"/>.</summary>
    public async Task<List<NotReachedItem>> ReadAsync(IQueryable<UnitTask> tasks, ReportScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.Status == WorkflowInstanceStatus.Running)
            .Select(i => new { i.Id, i.DefinitionRecordId }).ToListAsync(cancellationToken);
        var gates = new Dictionary<Guid, (CompiledWorkflow Flow, Dictionary<string, string> Gates)>();
        foreach (var recordId in running.Select(i => i.DefinitionRecordId).Distinct())
        {
            var flow = await flows.GetAsync(db, recordId, cancellationToken);
            gates[recordId] = (flow, GatedCascades.Of(flow));
        }

        var instanceIds = running.Where(i => gates[i.DefinitionRecordId].Gates.Count > 0).Select(i => i.Id).ToList();
        var activityIds = gates.Values.SelectMany(g => g.Gates.Keys).Distinct().ToList();
        if (instanceIds.Count == 0)
        {
            return [];
        }

        var rows = await (from t in tasks.AsNoTracking()
                          where t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled
                                && instanceIds.Contains(t.InstanceId) && activityIds.Contains(t.ActivityId)
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          join d in db.Directives on t.DirectiveId equals d.Id
                          join u in db.Units on t.UnitId equals u.Id
                          select new GateRow(t.Id, t.DirectiveId, t.InstanceId, t.ActivityId, t.CascadeExecutionId, t.UnitId, t.DueAt,
                              i.DefinitionRecordId, d.IssuingUnitId, d.InputsJson, u.Code, u.Name, u.Pillar, u.Level))
            .ToListAsync(cancellationToken);
        rows = rows.Where(r => gates[r.DefinitionRecordId].Gates.ContainsKey(r.ActivityId)).ToList();
        var started = await StartedCascadesAsync(rows, cancellationToken);
        var resolved = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var items = new List<NotReachedItem>();
        foreach (var r in rows)
        {
            var (flow, gated) = gates[r.DefinitionRecordId];
            var cascadeId = gated[r.ActivityId];
            // After the task the flow runs in the task's branch: the branch's unit is the task's unit (none at the top level).
            Guid? branchUnit = r.CascadeExecutionId is null ? null : r.UnitId;
            if (started.Contains((r.InstanceId, cascadeId, r.CascadeExecutionId, branchUnit)))
            {
                continue;
            }

            var selector = flow.Properties<CascadeProperties>(cascadeId).Targets;
            var targets = await TargetsAsync(selector, r, cascadeId, branchUnit, resolved, cancellationToken);
            var waiting = targets.Count(scope.Counts);
            if (waiting > 0)
            {
                items.Add(new NotReachedItem(r.TaskId, r.UnitId, r.UnitName, TaskCategories.WorkingDaysLate(calendar, r.DueAt, now), waiting)
                {
                    DirectiveId = r.DirectiveId, UnitCode = r.UnitCode, Pillar = r.Pillar, Level = r.Level, DueAt = r.DueAt, CascadeActivityId = cascadeId,
                });
            }
        }

        return items.OrderByDescending(i => i.DaysOverdue).ThenByDescending(i => i.UnitsWaiting)
            .ThenBy(i => i.UnitCode, StringComparer.Ordinal).ThenBy(i => i.UpstreamTaskId).ToList();
    }

    /// <summary>The cascades already started (a task reopened after its cascade ran holds nobody back).</summary>
    private async Task<HashSet<(Guid, string, Guid?, Guid?)>> StartedCascadesAsync(List<GateRow> rows, CancellationToken cancellationToken)
    {
        var instanceIds = rows.Select(r => r.InstanceId).Distinct().ToList();
        var started = await db.ActivityExecutions.AsNoTracking()
            .Where(e => instanceIds.Contains(e.InstanceId) && e.ActivityType == ActivityTypes.Cascade)
            .Select(e => new { e.InstanceId, e.ActivityId, e.ParentExecutionId, e.UnitId })
            .ToListAsync(cancellationToken);
        return started.Select(e => (e.InstanceId, e.ActivityId, e.ParentExecutionId, e.UnitId)).ToHashSet();
    }

    private async Task<List<Guid>> TargetsAsync(
        Selector selector, GateRow r, string cascadeId, Guid? branchUnit, Dictionary<string, List<Guid>> resolved, CancellationToken cancellationToken)
    {
        // What the resolution depends on: the selector (flow version + cascade), the branch, the issuer, and the inputs when
        // it reads one or the issuer narrowed the cascade (ChosenTargets, kept with the inputs).
        var readsInputs = selector.Input is not null || r.InputsJson.Contains(ChosenTargets.Key, StringComparison.Ordinal);
        var key = $"{r.DefinitionRecordId:N}|{cascadeId}|{branchUnit:N}|{r.IssuingUnitId:N}|{(readsInputs ? r.InputsJson : "")}";
        if (!resolved.TryGetValue(key, out var targets))
        {
            var inputs = readsInputs ? JsonNode.Parse(r.InputsJson) as JsonObject ?? [] : [];
            try
            {
                var all = await SelectorResolver.ResolveAsync(db, selector, branchUnit, r.IssuingUnitId, inputs, cancellationToken);
                targets = ChosenTargets.Narrow(all, inputs, cascadeId).Select(t => t.Id).ToList();
            }
            catch (FlowFaultException)
            {
                // A selector naming a unit that no longer exists would fault the flow: it reaches nobody.
                targets = [];
            }

            resolved[key] = targets;
        }

        return targets;
    }

    private sealed record GateRow(
        Guid TaskId, Guid DirectiveId, Guid InstanceId, string ActivityId, Guid? CascadeExecutionId, Guid UnitId, DateTimeOffset DueAt,
        Guid DefinitionRecordId, Guid IssuingUnitId, string InputsJson, string UnitCode, string UnitName,
        Core.Organisation.Pillar Pillar, Core.Organisation.UnitLevel Level);
}
