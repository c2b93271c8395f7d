using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>
/// The designer's view of a definition: nodes and links in the definition's order, plus the definition's own fields
/// (id, name, inputs, policies, …) carried through untouched in <see cref="Header"/>.
/// </summary>
public sealed class WorkflowDiagram
{
    /// <summary>The definition without its activities and connections.</summary>
    public required WorkflowDefinition Header { get; init; }

    public List<DiagramNode> Nodes { get; init; } = [];

    public List<DiagramLink> Links { get; init; } = [];

    public DiagramNode? FindNode(string id) => Nodes.Find(n => n.Id == id);
}
