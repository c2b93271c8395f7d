using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// The units a Cascade reaches: its selector resolved as the engine resolves it (<see cref="SelectorResolver"/>),
/// narrowed to the issuer's choice (<see cref="ChosenTargets"/>). <see cref="FullSetAsync"/> answers the same before
/// the directive exists — every unit the cascade could reach for an issuer, over every branch of the cascades around it.
/// </summary>
public static class CascadeTargets
{
    /// <summary>
    /// The targets of <paramref name="activityId"/> running in the branch of <paramref name="branchUnitId"/>. In an item's
    /// branch (<paramref name="itemNo"/> above 0) each target carries the item, so that a unit leading two items gives
    /// each its own nested work: a task is one per (instance, activity, unit, item).
    /// </summary>
    public static async Task<List<TargetUnit>> ResolveAsync(FlowStep step, string activityId, Guid? branchUnitId, int itemNo, CancellationToken cancellationToken)
    {
        var selector = step.Flow.Properties<CascadeProperties>(activityId).Targets;
        if (selector.Items is not null)
        {
            return await ItemsAsync(step, cancellationToken);
        }

        var targets = await SelectorResolver.ResolveAsync(
            step.Db, selector, branchUnitId, step.Directive.IssuingUnitId, step.Directive.Inputs, cancellationToken,
            branchPlace: step.Branch is { } branch && branch.Id == branchUnitId ? branch.Place : null);
        var chosen = ChosenTargets.Narrow(targets, step.Directive.Inputs, activityId);
        return itemNo == 0 ? chosen : chosen.Select(t => t with { ItemNo = itemNo }).ToList();
    }

    /// <summary>
    /// Every unit <paramref name="activityId"/> could reach when <paramref name="issuingUnitId"/> issues: a selector that
    /// names "branch" is resolved once per unit of the enclosing cascade (itself resolved the same way), ordered by code.
    /// </summary>
    public static async Task<List<TargetUnit>> FullSetAsync(
        DirectiveFlowDbContext db, CompiledWorkflow flow, string activityId, Guid issuingUnitId, JsonObject inputs, CancellationToken cancellationToken)
    {
        var selector = flow.Properties<CascadeProperties>(activityId).Targets;
        var usesBranch = selector.CounterpartsOf == Selector.Branch || selector.ChildrenOf == Selector.Branch;
        if (!usesBranch || EnclosingCascade(flow, activityId) is not { } outer)
        {
            return await SelectorResolver.ResolveAsync(db, selector, null, issuingUnitId, inputs, cancellationToken);
        }

        var all = new Dictionary<Guid, TargetUnit>();
        foreach (var branch in await FullSetAsync(db, flow, outer, issuingUnitId, inputs, cancellationToken))
        {
            foreach (var unit in await SelectorResolver.ResolveAsync(db, selector, branch.Id, issuingUnitId, inputs, cancellationToken))
            {
                all.TryAdd(unit.Id, unit);
            }
        }

        return all.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A cascade over the document's items: one target per item, in the document's order, each its lead unit carrying
    /// the item's ordinal (so a unit leading two items gets two branches).
    /// </summary>
    private static async Task<List<TargetUnit>> ItemsAsync(FlowStep step, CancellationToken cancellationToken)
    {
        var items = (await step.ItemsAsync(cancellationToken)).Values.OrderBy(i => i.Ordinal).ToList();
        var leadIds = items.Select(i => i.LeadUnitId).Distinct().ToList();
        var units = await step.Db.Units.AsNoTracking().Where(u => leadIds.Contains(u.Id))
            .Select(u => new TargetUnit(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.ParentId))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return items.Where(i => units.ContainsKey(i.LeadUnitId)).Select(i => units[i.LeadUnitId] with { ItemNo = i.Ordinal }).ToList();
    }

    /// <summary>The innermost Cascade whose body (what its Each port reaches) holds <paramref name="activityId"/>.</summary>
    public static string? EnclosingCascade(CompiledWorkflow flow, string activityId)
    {
        var bodies = flow.Definition.Activities.Where(a => a.Type == ActivityTypes.Cascade && a.Id != activityId)
            .Select(a => (a.Id, Body: Body(flow, a.Id)))
            .Where(c => c.Body.Contains(activityId))
            .ToList();
        return bodies.OrderBy(c => c.Body.Count).Select(c => c.Id).FirstOrDefault();
    }

    private static HashSet<string> Body(CompiledWorkflow flow, string cascadeId)
    {
        var edges = flow.Definition.Connections.ToLookup(c => c.Source, c => c.Target, StringComparer.Ordinal);
        var seen = new HashSet<string>(flow.Next(cascadeId, Outcomes.Each), StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in edges[id].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }
}
