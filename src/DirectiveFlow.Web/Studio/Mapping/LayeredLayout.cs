namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>
/// A simple layered layout: layers by distance from the Start along links (left to right), nodes within a layer
/// stacked top to bottom in definition order; nodes no path reaches go in one last layer.
/// </summary>
public static class LayeredLayout
{
    public const double LayerSpacing = 280;
    public const double RowSpacing = 150;
    public const double Origin = 40;

    public static Dictionary<string, (double X, double Y)> Compute(WorkflowDiagram diagram)
    {
        var layerOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = diagram.Nodes.Find(n => n.Type == "Start") ?? diagram.Nodes.FirstOrDefault();
        if (start is not null)
        {
            var queue = new Queue<string>();
            layerOf[start.Id] = 0;
            queue.Enqueue(start.Id);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var link in diagram.Links.Where(l => l.SourceId == current))
                {
                    if (!layerOf.ContainsKey(link.TargetId) && diagram.FindNode(link.TargetId) is not null)
                    {
                        layerOf[link.TargetId] = layerOf[current] + 1;
                        queue.Enqueue(link.TargetId);
                    }
                }
            }
        }

        var orphanLayer = layerOf.Count == 0 ? 0 : layerOf.Values.Max() + 1;
        var rows = new Dictionary<int, int>();
        var result = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var node in diagram.Nodes)
        {
            var layer = layerOf.TryGetValue(node.Id, out var l) ? l : orphanLayer;
            var row = rows.GetValueOrDefault(layer);
            rows[layer] = row + 1;
            result[node.Id] = (Origin + layer * LayerSpacing, Origin + row * RowSpacing);
        }

        return result;
    }
}
