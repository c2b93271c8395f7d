using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace DirectiveFlow.Web.Components.Studio.Canvas;

/// <summary>An activity's input port (<see cref="Outcome"/> null, on the left) or one of its outcome ports (on the right).</summary>
public sealed class ActivityPortModel(ActivityNodeModel parent, string? outcome)
    : PortModel($"{parent.Id}:{outcome ?? "in"}", parent, outcome is null ? PortAlignment.Left : PortAlignment.Right, null, new Size(14, 14))
{
    public string? Outcome { get; } = outcome;

    public string ActivityId => ((ActivityNodeModel)Parent).Node.Id;

    /// <summary>Links may only run from an outcome port to an input port of another activity.</summary>
    public override bool CanAttachTo(ILinkable other) =>
        other is ActivityPortModel port && Outcome is not null && port.Outcome is null && port.Parent != Parent;
}
