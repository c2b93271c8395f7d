using DirectiveFlow.Infrastructure.Directives.Queries.Flow;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Components.Studio.Canvas;

/// <summary>The canvas model of one activity: the plain <see cref="DiagramNode"/> plus what the widget shows.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(DiagramNode node)
        : base(node.Id, new Point(node.X, node.Y))
    {
        Node = node;
        Title = node.Name ?? node.Id;
    }

    public DiagramNode Node { get; }

    /// <summary>Validation errors pinned to this activity (red outline and badge).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Live task counts in the instance view; null in the designer.</summary>
    public ActivityCounts? Counts { get; set; }

    public ActivityPortModel? InputPort => Ports.OfType<ActivityPortModel>().FirstOrDefault(p => p.Outcome is null);

    public ActivityPortModel? OutcomePort(string outcome) => Ports.OfType<ActivityPortModel>().FirstOrDefault(p => p.Outcome == outcome);
}
