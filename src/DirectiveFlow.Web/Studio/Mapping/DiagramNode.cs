using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>
/// One activity as the designer draws it: a box with an input port (unless it is the Start) and one output port per
/// outcome. <see cref="IsPlaced"/> is false while the definition carries no position for it, so a node that was
/// only laid out for display maps back without inventing a position.
/// </summary>
public sealed class DiagramNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public bool IsPlaced { get; set; }

    public JsonObject Properties { get; set; } = [];

    public bool HasInputPort { get; init; }

    /// <summary>The outcome port names, in the order the catalog lists them, then any the connections use besides.</summary>
    public List<string> OutcomePorts { get; init; } = [];

    public void MoveTo(double x, double y)
    {
        X = x;
        Y = y;
        IsPlaced = true;
    }
}
