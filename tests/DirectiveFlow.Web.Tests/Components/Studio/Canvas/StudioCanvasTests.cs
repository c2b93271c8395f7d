using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Web.Components.Studio.Canvas;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Tests.Components.Studio.Canvas;

public sealed class StudioCanvasTests
{
    private static DiagramNode Node(string id, double x, double y, params string[] outcomes) =>
        new() { Id = id, Type = "UnitTask", X = x, Y = y, HasInputPort = true, IsPlaced = true, OutcomePorts = [.. outcomes] };

    // Regression: a review's Returned link curved out to the right, past the next End node, and back through the
    // nodes between — it looked like a stray line from End into empty space.
    [Fact]
    public void A_link_back_to_an_earlier_step_loops_over_both_nodes()
    {
        var canvas = new StudioCanvas(readOnly: true);
        canvas.Load(new WorkflowDiagram
        {
            Header = new WorkflowDefinition { Id = "loop", Name = "Vòng trả lại" },
            Nodes = [Node("task", 100, 200, "Done"), Node("review", 400, 200, "Accepted", "Returned"), Node("end", 700, 200)],
            Links = [new DiagramLink("task", "Done", "review"), new DiagramLink("review", "Returned", "task"), new DiagramLink("review", "Accepted", "end")],
        });

        var links = canvas.Diagram.Links.ToList();
        var back = Assert.Single(links, l => l.Vertices.Count > 0);
        var points = back.Vertices.Select(v => (v.Position.X, v.Position.Y)).ToList();

        Assert.Equal([(622, 269), (622, 178), (88, 178), (88, 225)], points);
        Assert.True(points.Max(p => p.X) < 700, "the loop turns before the End node");
        Assert.All(links.Where(l => l != back), l => Assert.Empty(l.Vertices));
    }
}
