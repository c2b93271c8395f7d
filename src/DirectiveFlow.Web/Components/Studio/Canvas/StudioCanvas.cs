using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Extensions;
using Blazor.Diagrams.Core.Geometry;
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
    private bool _fitPending = true;

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
        Diagram.ContainerChanged += FitWhenMeasured;
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
        var sizes = Nodes.Where(n => n.Size is not null).ToDictionary(n => n.Node.Id, n => n.Size!);
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

                    if (sizes.TryGetValue(node.Id, out var size))
                    {
                        model.Size = size;
                    }

                    model.Moved += OnNodeMoved;
                    model.SizeChanged += _ => FitWhenMeasured();
                    Diagram.Nodes.Add(model);
                }

                foreach (var link in diagram.Links)
                {
                    if (FindNode(link.SourceId)?.OutcomePort(link.Outcome) is { } from && FindNode(link.TargetId)?.InputPort is { } to)
                    {
                        var model = new LinkModel(from, to)
                        {
                            TargetMarker = LinkMarker.Arrow,
                            Color = link.Outcome switch { "Returned" => "#dd6b20", "Each" => "#2b6cb0", "False" => "#718096", _ => null },
                        };
                        if (to.Parent.Position.X <= from.Parent.Position.X)
                        {
                            BackLinkRoute.Apply(model, (ActivityNodeModel)from.Parent, from, (ActivityNodeModel)to.Parent);
                        }

                        Diagram.Links.Add(model);
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

    /// <summary>Fits the flow in view as soon as the browser has measured the canvas and every node.</summary>
    public void RequestFit()
    {
        _fitPending = true;
        FitWhenMeasured();
    }

    private void FitWhenMeasured()
    {
        if (_fitPending && Fit())
        {
            _fitPending = false;
        }
    }

    /// <summary>
    /// The least zoom a fit goes down to: node names (0.82rem) stay at 10.5 px or more. A flow larger than the canvas
    /// at this zoom is shown from its top-left corner and panned with the mouse, rather than shrunk into unreadable text.
    /// </summary>
    public const double MinFitZoom = 0.8;

    /// <summary>Zooms to show every node, between <see cref="MinFitZoom"/> and 100 %; does nothing until the browser has measured them.</summary>
    public bool Fit()
    {
        if (Diagram.Nodes.Count == 0 || Diagram.Container is not { Width: > 0 } || Diagram.Nodes.Any(n => n.Size is null || n.Size.Width <= 0))
        {
            return false;
        }

        Diagram.ZoomToFit(40);
        if (Diagram.Zoom > 1 || Diagram.Zoom < MinFitZoom)
        {
            var zoom = Math.Clamp(Diagram.Zoom, MinFitZoom, 1);
            var bounds = Diagram.Nodes.GetBounds();
            Diagram.SetZoom(zoom);
            var margin = 40;
            var left = bounds.Width * zoom + 2 * margin > Diagram.Container.Width
                ? margin : (Diagram.Container.Width - bounds.Width * zoom) / 2;
            var top = bounds.Height * zoom + 2 * margin > Diagram.Container.Height
                ? margin : (Diagram.Container.Height - bounds.Height * zoom) / 2;
            Diagram.SetPan(left - bounds.Left * zoom, top - bounds.Top * zoom);
        }

        return true;
    }

    /// <summary>A spot in the visible part of the canvas not covered by a node, for an activity added from the palette.</summary>
    public (double X, double Y) FreeSpot()
    {
        var origin = Diagram.Container is { Width: > 0 } c ? Diagram.GetRelativeMousePoint(c.Left + 40, c.Top + 40) : new Point(40, 40);
        var width = Diagram.Container is { Width: > 0 } box ? box.Width / Diagram.Zoom : 900;
        for (var row = 0; row < 40; row++)
        {
            for (var col = 0; col < Math.Max(1, (int)(width / 260)); col++)
            {
                var x = Math.Round(origin.X + col * 260);
                var y = Math.Round(origin.Y + row * 150);
                if (!Nodes.Any(n => Math.Abs(n.Position.X - x) < 240 && Math.Abs(n.Position.Y - y) < 130))
                {
                    return (x, y);
                }
            }
        }

        return (origin.X, origin.Y);
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
