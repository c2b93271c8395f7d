using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>The structural rules: ids, types, Start, connections, reachability and cycles.</summary>
internal sealed class GraphRules(WorkflowDefinition definition, ErrorList errors, ConditionEvaluator conditions, ActivityCatalog catalog)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public void Run()
    {
        IndexActivities();
        var start = CheckStart();
        var edges = CheckConnections();
        new ActivityRules(definition, errors, conditions, catalog, _index).Run();
        if (start is not null)
        {
            CheckReachability(start, edges);
            CheckCascadeBodies(start, edges);
        }

        CheckCycles(edges);
    }

    private void IndexActivities()
    {
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (!_index.TryAdd(activity.Id, i))
            {
                errors.AddForActivity(i, ValidationCodes.DuplicateId, new ErrorMessage(ErrorCodes.WorkflowDuplicateId, activity.Id), "/id");
            }

            if (!catalog.IsKnown(activity.Type))
            {
                errors.AddForActivity(i, ValidationCodes.UnknownActivityType,
                    new ErrorMessage(ErrorCodes.WorkflowUnknownType, activity.Type, string.Join(", ", catalog.All.Select(d => d.Type))), "/type");
            }
        }
    }

    private string? CheckStart()
    {
        var starts = definition.Activities.Select((a, i) => (a, i)).Where(p => p.a.Type == ActivityTypes.Start).ToList();
        if (starts.Count == 0)
        {
            errors.Add(ValidationCodes.MissingStart, new ErrorMessage(ErrorCodes.WorkflowMissingStart), path: "/activities");
            return null;
        }

        foreach (var (_, i) in starts.Skip(1))
        {
            errors.AddForActivity(i, ValidationCodes.MultipleStarts, new ErrorMessage(ErrorCodes.WorkflowMultipleStarts));
        }

        return starts[0].a.Id;
    }

    /// <summary>Reports bad connections and returns the usable ones as (index, source, outcome, target).</summary>
    private List<(int Index, string Source, string Outcome, string Target)> CheckConnections()
    {
        var edges = new List<(int, string, string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            var sourceKnown = _index.TryGetValue(c.Source, out var sourceIndex);
            var targetKnown = _index.ContainsKey(c.Target);
            if (!sourceKnown)
            {
                errors.Add(ValidationCodes.DanglingConnection, new ErrorMessage(ErrorCodes.WorkflowUnknownSource, i, c.Source), path: $"/connections/{i}/source");
            }

            if (!targetKnown)
            {
                errors.Add(ValidationCodes.DanglingConnection, new ErrorMessage(ErrorCodes.WorkflowUnknownTarget, i, c.Target),
                    sourceKnown ? c.Source : null, $"/connections/{i}/target");
            }

            if (sourceKnown && catalog.IsKnown(definition.Activities[sourceIndex].Type))
            {
                var source = definition.Activities[sourceIndex];
                var outcomes = catalog.OutcomesOf(source);
                if (!outcomes.Contains(c.Outcome, StringComparer.Ordinal))
                {
                    var available = outcomes.Count == 0 ? "none" : string.Join(", ", outcomes);
                    errors.Add(ValidationCodes.UnknownOutcome, new ErrorMessage(ErrorCodes.WorkflowUnknownOutcome, source.Type, source.Id, c.Outcome, available),
                        source.Id, $"/connections/{i}/outcome");
                }
            }

            if (targetKnown && definition.Activities[_index[c.Target]].Type == ActivityTypes.Start)
            {
                errors.Add(ValidationCodes.StartHasIncoming, new ErrorMessage(ErrorCodes.WorkflowIntoStart, i, c.Target), c.Target, $"/connections/{i}/target");
            }

            if (sourceKnown && targetKnown)
            {
                edges.Add((i, c.Source, c.Outcome, c.Target));
            }
        }

        return edges;
    }

    private void CheckReachability(string start, List<(int Index, string Source, string Outcome, string Target)> edges)
    {
        var seen = Reachable([start], edges);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (!seen.Contains(activity.Id) && _index[activity.Id] == i)
            {
                errors.AddForActivity(i, ValidationCodes.Unreachable, new ErrorMessage(ErrorCodes.WorkflowUnreachable, activity.Id));
            }
        }
    }

    /// <summary>A cascade body runs once per branch, so nothing in it may also be reached without passing its Each port
    /// (e.g. a body task wired into the top-level path, or an End shared by the body and the flow).</summary>
    private void CheckCascadeBodies(string start, List<(int Index, string Source, string Outcome, string Target)> edges)
    {
        var reportedNested = new HashSet<string>(StringComparer.Ordinal);
        var bodies = new List<(string Cascade, HashSet<string> Body)>();
        foreach (var cascade in definition.Activities.Where(a => a.Type == ActivityTypes.Cascade && _index[a.Id] == definition.Activities.IndexOf(a)))
        {
            bool IsEach((int Index, string Source, string Outcome, string Target) e) => e.Source == cascade.Id && e.Outcome == Outcomes.Each;
            var body = Reachable(edges.Where(IsEach).Select(e => e.Target), edges);
            var outside = Reachable([start], edges.Where(e => !IsEach(e)).ToList());
            var shared = body.Where(outside.Contains).OrderBy(id => _index[id]).ToList();
            if (shared.Count > 0)
            {
                var list = string.Join(", ", shared);
                errors.AddForActivity(_index[cascade.Id], ValidationCodes.CascadeBodyEscapes, new ErrorMessage(ErrorCodes.WorkflowCascadeBodyEscapes, cascade.Id, list));
            }

            // The document's items are given once: a cascade over them inside another cascade's branch would give every
            // item once per outer branch.
            foreach (var nested in body.Where(id => id != cascade.Id && IsItemsCascade(id)).OrderBy(id => _index[id]))
            {
                errors.AddForActivity(_index[nested], ValidationCodes.ItemsCascadeNested, new ErrorMessage(ErrorCodes.WorkflowItemsCascadeNested, nested, cascade.Id));
            }

            // A cascade inside a branch runs once per outer branch: targets that do not follow the branch's unit would
            // give the same units the same tasks once per branch (a duplicate-task failure or a branch waiting for ever).
            foreach (var nested in body.Where(id => id != cascade.Id && reportedNested.Add(id) && IsCascadeIgnoringBranch(id)).OrderBy(id => _index[id]))
            {
                errors.AddForActivity(_index[nested], ValidationCodes.CascadeNestedTargets,
                    new ErrorMessage(ErrorCodes.WorkflowCascadeNestedTargets, nested, cascade.Id, Selector.Branch), "/properties/targets");
            }

            bodies.Add((cascade.Id, body));
        }

        // In a branch the task goes to the branch's unit (UnitTaskWriter): a lead set there would be silently ignored.
        // Named with the innermost cascade, the one whose branch's unit it would be.
        foreach (var task in definition.Activities.Where(a => _index[a.Id] == definition.Activities.IndexOf(a) && HasLead(a.Id)))
        {
            if (bodies.Where(b => b.Body.Contains(task.Id) && b.Cascade != task.Id).OrderBy(b => b.Body.Count).FirstOrDefault() is ({ } cascadeId, _))
            {
                errors.AddForActivity(_index[task.Id], ValidationCodes.CascadeBodyLead,
                    new ErrorMessage(ErrorCodes.WorkflowCascadeBodyLead, task.Id, cascadeId), "/properties/lead");
            }
        }
    }

    private bool IsCascadeIgnoringBranch(string id)
    {
        if (!_index.TryGetValue(id, out var i) || definition.Activities[i] is not { Type: ActivityTypes.Cascade } cascade || IsItemsCascade(id))
        {
            return false;
        }

        try
        {
            var targets = CascadeProperties.From(cascade).Targets;
            return targets.CounterpartsOf != Selector.Branch && targets.ChildrenOf != Selector.Branch;
        }
        catch (ActivityPropertiesException)
        {
            return false; // the activity rules report what is wrong with its properties
        }
    }

    private bool HasLead(string id) =>
        _index.TryGetValue(id, out var i) && definition.Activities[i] is { Type: ActivityTypes.UnitTask } task
        && task.Properties["lead"] is not null;

    private bool IsItemsCascade(string id) =>
        _index.TryGetValue(id, out var i) && definition.Activities[i] is { Type: ActivityTypes.Cascade } a
        && a.Properties["targets"] is System.Text.Json.Nodes.JsonObject targets && targets.ContainsKey("items");

    private static HashSet<string> Reachable(IEnumerable<string> from, List<(int Index, string Source, string Outcome, string Target)> edges)
    {
        var next = edges.ToLookup(e => e.Source, e => e.Target, StringComparer.Ordinal);
        var seen = new HashSet<string>(from, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var target in next[id].Where(seen.Add))
            {
                queue.Enqueue(target);
            }
        }

        return seen;
    }

    private void CheckCycles(List<(int Index, string Source, string Outcome, string Target)> edges)
    {
        bool IsRework((int Index, string Source, string Outcome, string Target) e) =>
            e.Outcome == Outcomes.Returned && definition.Activities[_index[e.Source]].Type == ActivityTypes.Review;

        var graph = edges.Where(e => !IsRework(e)).ToLookup(e => e.Source, e => e.Target, StringComparer.Ordinal);
        foreach (var cycle in StronglyConnected.Cycles(_index.Keys, id => graph[id]))
        {
            var ordered = cycle.OrderBy(id => _index[id]).ToList();
            var list = string.Join(" → ", ordered);
            errors.AddForActivity(_index[ordered[0]], ValidationCodes.IllegalCycle, new ErrorMessage(ErrorCodes.WorkflowIllegalCycle, list));
        }
    }
}
