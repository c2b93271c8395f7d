using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>
/// Maps a definition to the designer's diagram and back. Mapping a definition to a diagram and straight back gives
/// the same definition: order, names, properties, positions (or their absence) and the definition's own fields.
/// </summary>
public sealed class WorkflowDiagramMapper(IActivityPorts ports)
{
    public WorkflowDiagram ToDiagram(WorkflowDefinition definition)
    {
        var diagram = new WorkflowDiagram { Header = CopyHeader(definition) };
        foreach (var activity in definition.Activities)
        {
            var outcomes = ports.OutcomesOf(activity).ToList();
            foreach (var used in definition.Connections.Where(c => c.Source == activity.Id).Select(c => c.Outcome))
            {
                if (!outcomes.Contains(used, StringComparer.Ordinal))
                {
                    outcomes.Add(used);
                }
            }

            diagram.Nodes.Add(new DiagramNode
            {
                Id = activity.Id,
                Type = activity.Type,
                Name = activity.Name,
                X = activity.Position?.X ?? 0,
                Y = activity.Position?.Y ?? 0,
                IsPlaced = activity.Position is not null,
                Properties = (JsonObject)activity.Properties.DeepClone(),
                HasInputPort = ports.HasInput(activity.Type),
                OutcomePorts = outcomes,
            });
        }

        diagram.Links.AddRange(definition.Connections.Select(c => new DiagramLink(c.Source, c.Outcome, c.Target)));
        PlaceUnplacedNodes(diagram);
        return diagram;
    }

    public WorkflowDefinition ToDefinition(WorkflowDiagram diagram)
    {
        var definition = CopyHeader(diagram.Header);
        definition.Activities = diagram.Nodes.Select(n => new ActivityDefinition
        {
            Id = n.Id,
            Type = n.Type,
            Name = n.Name,
            Position = n.IsPlaced ? new Position(n.X, n.Y) : null,
            Properties = (JsonObject)n.Properties.DeepClone(),
        }).ToList();
        definition.Connections = diagram.Links
            .Select(l => new ConnectionDefinition { Source = l.SourceId, Outcome = l.Outcome, Target = l.TargetId })
            .ToList();
        return definition;
    }

    /// <summary>Nodes without a stored position are drawn where the layered layout puts them, still unplaced.</summary>
    private static void PlaceUnplacedNodes(WorkflowDiagram diagram)
    {
        if (diagram.Nodes.TrueForAll(n => n.IsPlaced))
        {
            return;
        }

        var layout = LayeredLayout.Compute(diagram);
        foreach (var node in diagram.Nodes.Where(n => !n.IsPlaced))
        {
            (node.X, node.Y) = layout[node.Id];
        }
    }

    /// <summary>A deep copy through JSON, so fields added to the definition later travel without a change here.</summary>
    private static WorkflowDefinition CopyHeader(WorkflowDefinition source)
    {
        var activities = source.Activities;
        var connections = source.Connections;
        source.Activities = [];
        source.Connections = [];
        try
        {
            return WorkflowDefinitionSerializer.Deserialize(WorkflowDefinitionSerializer.Serialize(source));
        }
        finally
        {
            source.Activities = activities;
            source.Connections = connections;
        }
    }
}
