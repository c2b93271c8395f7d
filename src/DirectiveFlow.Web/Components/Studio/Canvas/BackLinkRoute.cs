using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.PathGenerators;

namespace DirectiveFlow.Web.Components.Studio.Canvas;

/// <summary>
/// The route of a link back to an earlier step (a review's Returned → the task): a curve from the right-hand port to
/// a left-hand port further left runs back through the nodes between and past the next step's edge, so it seemed to
/// start at an End node and end in empty space. Instead it leaves the port a little, goes over the top of both nodes
/// and comes down into the target's input: a loop with right angles.
/// </summary>
public static class BackLinkRoute
{
    private const double Step = 12;
    private const double Above = 22;

    /// <summary>Node geometry as ActivityNodeWidget draws it: 210 px wide, the input port 18 px down, outcome ports from 40 px, 22 px apart (14 px ports).</summary>
    public static void Apply(LinkModel link, ActivityNodeModel source, ActivityPortModel from, ActivityNodeModel target)
    {
        var index = source.Ports.OfType<ActivityPortModel>().Where(p => p.Outcome is not null).ToList().IndexOf(from);
        var sourceWidth = source.Size?.Width ?? 210;
        var sx = source.Position.X + sourceWidth + Step;
        var sy = source.Position.Y + 40 + (Math.Max(0, index) * 22) + 7;
        var tx = target.Position.X - Step;
        var ty = target.Position.Y + 18 + 7;
        var top = Math.Min(source.Position.Y, target.Position.Y) - Above;
        foreach (var (x, y) in new[] { (sx, sy), (sx, top), (tx, top), (tx, ty) })
        {
            link.Vertices.Add(new LinkVertexModel(link, new Point(x, y)));
        }

        link.PathGenerator = new StraightPathGenerator(6);
    }
}
