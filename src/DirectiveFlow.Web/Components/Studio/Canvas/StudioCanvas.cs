using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Components.Studio.Canvas;

/// <summary>
/// The thin adapter between the plain <see cref="WorkflowDiagram"/> and Z.Blazor.Diagrams: it draws a diagram and turns
/// what the user does on the canvas (link, move, delete, select) into requests; it never edits the definition itself.
/// </summary>
public sealed class StudioCanvas
{
    private bool _loading;

    public StudioCanvas(bool readOnly)
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            GridSize = readOnly ? null : 20,
            Zoom = { Minimum = 0.2, Maximum = 2.5 },
            Links = { RequireTarget = true, DefaultColor = "#4a5568", DefaultSelectedColor = "#c53030" },
            Constraints =
            {
                // Deleting goes through the editor's command stack, never straight to the canvas.
                ShouldDeleteNode = _ => ValueTask.FromResult(false),
                ShouldDeleteLink = _ => ValueTask.FromResult(false),
            },
        };
        Diagram = new BlazorDiagram(options);
        Diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        if (readOnly)
        {
            Diagram.UnregisterBehavior<DragNewLinkBehavior>();
        }

        Diagram.GetBehavior<KeyboardShortcutsBehavior>()?.SetShortcut("Delete", false, false, false, _ => RequestDelete());
        Diagram.GetBehavior<KeyboardShortcutsBehavior>()?.SetShortcut("Backspace", false, false, false, _ => RequestDelete());
        Diagram.SelectionChanged += OnSelectionChanged;
        Diagram.ContainerChanged += FitOnce;
        Diagram.Links.Added += OnLinkAdded;
    }

    public BlazorDiagram Diagram { get; }

    public string? SelectedActivityId { get; private set; }

    public DiagramLink? SelectedLink { get; private set; }

    public event Action<string?>? ActivitySelected;

    public event Action<DiagramLink>? LinkRequested;

    public event Action<string, double, double>? NodeMoved;

    public event Action? DeleteRequested;

    public IEnumerable<ActivityNodeModel> Nodes => Diagram.Nodes.OfType<ActivityNodeModel>();

    public ActivityNodeModel? FindNode(string id) => Nodes.FirstOrDefault(n => n.Node.Id == id);

    /// <summary>Redraws everything from <paramref name="diagram"/>, keeping the selection when the activity still exists.</summary>
    public void Load(WorkflowDiagram diagram, IReadOnlyDictionary<string, List<string>>? errors = null)
    {
        _loading = true;
        try
        {
            Diagram.Batch(() =>
            {
                Diagram.Links.Clear();
                Diagram.Nodes.Clear();
                foreach (var node in diagram.Nodes)
                {
                    var model = new ActivityNodeModel(node);
                    if (errors?.TryGetValue(node.Id, out var list) == true)
                    {
                        model.Errors.AddRange(list);
                    }

                    if (node.HasInputPort)
                    {
                        model.AddPort(new ActivityPortModel(model, null));
                    }

                    foreach (var outcome in node.OutcomePorts)
                    {
                        model.AddPort(new ActivityPortModel(model, outcome));
                    }

                    model.Moved += OnNodeMoved;
                    Diagram.Nodes.Add(model);
                }

                foreach (var link in diagram.Links)
                {
                    if (FindNode(link.SourceId)?.OutcomePort(link.Outcome) is { } from && FindNode(link.TargetId)?.InputPort is { } to)
                    {
                        Diagram.Links.Add(new LinkModel(from, to)
                        {
                            TargetMarker = LinkMarker.Arrow,
                            Color = link.Outcome switch { "Returned" => "#dd6b20", "Each" => "#2b6cb0", "False" => "#718096", _ => null },
                        });
                    }
                }

                if (SelectedActivityId is not null && FindNode(SelectedActivityId) is { } selected)
                {
                    Diagram.SelectModel(selected, true);
                }
                else
                {
                    SelectedActivityId = null;
                }

                SelectedLink = null;
            });
        }
        finally
        {
            _loading = false;
        }
    }

    public void Select(string? activityId)
    {
        SelectedActivityId = activityId;
        if (activityId is not null && FindNode(activityId) is { } node)
        {
            Diagram.SelectModel(node, true);
        }
        else
        {
            Diagram.UnselectAll();
        }
    }

    /// <summary>The canvas learns its size from the browser after the first render; only then can it fit the flow in view.</summary>
    private void FitOnce()
    {
        if (Diagram.Container is { Width: > 0 } && Diagram.Nodes.Count > 0)
        {
            Diagram.ContainerChanged -= FitOnce;
            Diagram.ZoomToFit(40);
            if (Diagram.Zoom > 1)
            {
                Diagram.SetZoom(1);
            }
        }
    }

    private ValueTask RequestDelete()
    {
        DeleteRequested?.Invoke();
        return ValueTask.CompletedTask;
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (_loading)
        {
            return;
        }

        if (model is ActivityNodeModel node)
        {
            SelectedActivityId = node.Selected ? node.Node.Id : Nodes.FirstOrDefault(n => n.Selected)?.Node.Id;
            SelectedLink = null;
            ActivitySelected?.Invoke(SelectedActivityId);
        }
        else if (model is BaseLinkModel link)
        {
            SelectedLink = link.Selected ? ToDiagramLink(link) : null;
        }
    }

    private void OnNodeMoved(MovableModel model)
    {
        if (!_loading && model is ActivityNodeModel node)
        {
            NodeMoved?.Invoke(node.Node.Id, Math.Round(node.Position.X), Math.Round(node.Position.Y));
        }
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (!_loading)
        {
            link.TargetAttached += OnTargetAttached;
        }
    }

    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (ToDiagramLink(link) is { } requested)
        {
            LinkRequested?.Invoke(requested);
        }
        else
        {
            Diagram.Links.Remove(link);
        }
    }

    private static DiagramLink? ToDiagramLink(BaseLinkModel link) =>
        link.Source is SinglePortAnchor { Port: ActivityPortModel { Outcome: { } outcome } from }
        && link.Target is SinglePortAnchor { Port: ActivityPortModel { Outcome: null } to }
            ? new DiagramLink(from.ActivityId, outcome, to.ActivityId)
            : null;
}
