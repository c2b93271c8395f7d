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
                errors.AddForActivity(i, ValidationCodes.DuplicateId, $"Activity id '{activity.Id}' is used more than once.",
                    $"Mã hoạt động '{activity.Id}' bị dùng nhiều lần.", "/id");
            }

            if (!catalog.IsKnown(activity.Type))
            {
                errors.AddForActivity(i, ValidationCodes.UnknownActivityType,
                    $"Unknown activity type '{activity.Type}'; known types: {string.Join(", ", catalog.All.Select(d => d.Type))}.",
                    $"Loại hoạt động '{activity.Type}' không tồn tại; các loại hợp lệ: {string.Join(", ", catalog.All.Select(d => d.Type))}.", "/type");
            }
        }
    }

    private string? CheckStart()
    {
        var starts = definition.Activities.Select((a, i) => (a, i)).Where(p => p.a.Type == ActivityTypes.Start).ToList();
        if (starts.Count == 0)
        {
            errors.Add(ValidationCodes.MissingStart, "The flow has no Start activity; it needs exactly one.",
                "Quy trình chưa có hoạt động Bắt đầu; cần đúng một.", path: "/activities");
            return null;
        }

        foreach (var (_, i) in starts.Skip(1))
        {
            errors.AddForActivity(i, ValidationCodes.MultipleStarts, "The flow has more than one Start activity; it needs exactly one.",
                "Quy trình có nhiều hơn một hoạt động Bắt đầu; chỉ được có một.");
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
                errors.Add(ValidationCodes.DanglingConnection, $"Connection {i} comes from unknown activity '{c.Source}'.",
                    $"Kết nối {i} xuất phát từ hoạt động không tồn tại '{c.Source}'.", path: $"/connections/{i}/source");
            }

            if (!targetKnown)
            {
                errors.Add(ValidationCodes.DanglingConnection, $"Connection {i} goes to unknown activity '{c.Target}'.",
                    $"Kết nối {i} đi tới hoạt động không tồn tại '{c.Target}'.", sourceKnown ? c.Source : null, $"/connections/{i}/target");
            }

            if (sourceKnown && catalog.IsKnown(definition.Activities[sourceIndex].Type))
            {
                var source = definition.Activities[sourceIndex];
                var outcomes = catalog.OutcomesOf(source);
                if (!outcomes.Contains(c.Outcome, StringComparer.Ordinal))
                {
                    var available = outcomes.Count == 0 ? "none" : string.Join(", ", outcomes);
                    errors.Add(ValidationCodes.UnknownOutcome,
                        $"{source.Type} '{source.Id}' has no outcome '{c.Outcome}' (available: {available}).",
                        $"{source.Type} '{source.Id}' không có kết quả '{c.Outcome}' (các kết quả: {available}).", source.Id, $"/connections/{i}/outcome");
                }
            }

            if (targetKnown && definition.Activities[_index[c.Target]].Type == ActivityTypes.Start)
            {
                errors.Add(ValidationCodes.StartHasIncoming, $"Connection {i} leads back into Start '{c.Target}'.",
                    $"Kết nối {i} đi ngược vào hoạt động Bắt đầu '{c.Target}'.", c.Target, $"/connections/{i}/target");
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
                errors.AddForActivity(i, ValidationCodes.Unreachable, $"Activity '{activity.Id}' cannot be reached from Start.",
                    $"Không thể đi tới hoạt động '{activity.Id}' từ điểm Bắt đầu.");
            }
        }
    }

    /// <summary>A cascade body runs once per branch, so nothing in it may also be reached without passing its Each port
    /// (e.g. a body task wired into the top-level path, or an End shared by the body and the flow).</summary>
    private void CheckCascadeBodies(string start, List<(int Index, string Source, string Outcome, string Target)> edges)
    {
        foreach (var cascade in definition.Activities.Where(a => a.Type == ActivityTypes.Cascade && _index[a.Id] == definition.Activities.IndexOf(a)))
        {
            bool IsEach((int Index, string Source, string Outcome, string Target) e) => e.Source == cascade.Id && e.Outcome == Outcomes.Each;
            var body = Reachable(edges.Where(IsEach).Select(e => e.Target), edges);
            var outside = Reachable([start], edges.Where(e => !IsEach(e)).ToList());
            var shared = body.Where(outside.Contains).OrderBy(id => _index[id]).ToList();
            if (shared.Count > 0)
            {
                var list = string.Join(", ", shared);
                errors.AddForActivity(_index[cascade.Id], ValidationCodes.CascadeBodyEscapes,
                    $"Cascade '{cascade.Id}': {list} can be reached both inside its Each body and outside it; a body must be its own sub-graph.",
                    $"Bước triển khai '{cascade.Id}': {list} vừa thuộc phần thân (Each) vừa nằm ngoài; phần thân phải tách riêng.");
            }
        }
    }

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
            errors.AddForActivity(_index[ordered[0]], ValidationCodes.IllegalCycle,
                $"The activities {list} form a loop; a flow may loop only through a Review's Returned (rework) path.",
                $"Các hoạt động {list} tạo thành vòng lặp; quy trình chỉ được lặp qua nhánh Trả lại của bước Xem xét.");
        }
    }
}
