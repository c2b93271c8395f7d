using System.Text.Json.Nodes;
using Blazor.Diagrams.Core.Behaviors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Publishing;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Web.Components.Studio.Canvas;
using DirectiveFlow.Web.Localization;
using DirectiveFlow.Web.Studio;
using DirectiveFlow.Web.Studio.Editing;
using DirectiveFlow.Web.Studio.Editing.Commands;
using DirectiveFlow.Web.Studio.Mapping;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using static DirectiveFlow.Web.Studio.StudioText;

namespace DirectiveFlow.Web.Components.Studio;

/// <summary>The designer: canvas, palette, property panel, validation, save and publish for one definition.</summary>
public sealed partial class Designer
{
    private DefinitionEditor? _editor;
    private StudioCanvas? _canvas;
    private StudioVersion? _version;
    private IReadOnlyList<WorkflowValidationError>? _errors;
    private IJSObjectReference? _js;
    private string? _dragged;
    private string? _message;
    private bool _notFound;
    private bool _busy;
    private long _revision;
    private PublishPreview? _publish;
    private string? _publishError;

    [Parameter]
    public string DefinitionId { get; set; } = "";

    [SupplyParameterFromQuery]
    public int? Version { get; set; }

    [Inject]
    private IStudioDefinitions Definitions { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private ActivityCatalog Catalog { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private IActivityPorts Ports { get; set; } = null!;

    [Inject]
    private ActivityPalette Palette { get; set; } = null!;

    private static string LeaveMessage => L("Studio.ThereAreUnsavedChangesLeave");

    private ActivityDefinition? SelectedActivity =>
        _canvas?.SelectedActivityId is { } id ? _editor?.Definition.Activities.Find(a => a.Id == id) : null;

    protected override async Task OnInitializedAsync()
    {
        var loaded = await Definitions.GetAsync(DefinitionId, Version, CancellationToken.None);
        if (loaded is null)
        {
            _notFound = true;
            return;
        }

        _version = loaded.Version;
        _editor = new DefinitionEditor(loaded.Definition, new WorkflowDiagramMapper(Ports), Ports, Palette);
        _canvas = new StudioCanvas(readOnly: false);
        _canvas.ActivitySelected += _ => InvokeAsync(StateHasChanged);
        _canvas.LinkRequested += link => InvokeAsync(() => Connect(link));
        _canvas.NodeMoved += (id, x, y) => InvokeAsync(() => _editor.Execute(new MoveActivitiesCommand(L("Studio.Move"), new Dictionary<string, Position> { [id] = new(x, y) })));
        _canvas.DeleteRequested += () => InvokeAsync(DeleteSelected);
        var shortcuts = _canvas.Diagram.GetBehavior<KeyboardShortcutsBehavior>();
        shortcuts?.SetShortcut("z", true, false, false, d => { _ = InvokeAsync(_editor.Undo); return ValueTask.CompletedTask; });
        shortcuts?.SetShortcut("y", true, false, false, d => { _ = InvokeAsync(_editor.Redo); return ValueTask.CompletedTask; });
        _editor.Changed += OnModelChanged;
        Redraw();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_js is null && _editor is not null)
        {
            _js = await Js.InvokeAsync<IJSObjectReference>("import", "./studio/studio.js");
            StateHasChanged();
        }

        if (_js is not null && _editor is not null)
        {
            await _js.InvokeVoidAsync("setDirty", _editor.IsDirty, LeaveMessage);
        }
    }

    private void OnModelChanged()
    {
        _revision++;
        if (_errors is not null)
        {
            _errors = Definitions.Validate(_editor!.Definition).Errors;
        }

        Redraw();
        StateHasChanged();
    }

    private void Redraw()
    {
        var pinned = (_errors ?? []).Where(e => e.ActivityId is not null)
            .GroupBy(e => e.ActivityId!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text(UiText.IsEnglish)).ToList());
        _canvas!.Load(_editor!.ToDiagram(), pinned);
    }

    private void Select(string? activityId)
    {
        _canvas?.Select(activityId);
        StateHasChanged();
    }

    private void AddFromPalette(string type)
    {
        var (x, y) = _canvas!.FreeSpot();
        var activity = _editor!.AddActivity(type, x, y);
        Select(activity.Id);
    }

    private void DropAsync(DragEventArgs e)
    {
        if (_dragged is { } type && _canvas is not null)
        {
            var at = _canvas.Diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
            var activity = _editor!.AddActivity(type, at.X, at.Y);
            Select(activity.Id);
        }

        _dragged = null;
    }

    private void Connect(DiagramLink link)
    {
        if (!_editor!.TryConnect(link.SourceId, link.Outcome, link.TargetId))
        {
            _message = L("Studio.CannotConnectAlreadyConnectedOr");
            Redraw();
            StateHasChanged();
        }
    }

    private void ConnectFromPanel(DiagramLink link) => Connect(link);

    private void DisconnectFromPanel(DiagramLink link) => _editor!.Execute(new DisconnectCommand(link.SourceId, link.Outcome, link.TargetId));

    private void UpdateActivity(string id, (string? Name, JsonObject Properties) change) =>
        _editor!.Execute(new UpdateActivityCommand(id, change.Name, change.Properties));

    private void DeleteSelected()
    {
        if (_canvas?.SelectedActivityId is { } id)
        {
            _canvas.Select(null);
            _editor!.Execute(new RemoveActivityCommand(id));
        }
        else if (_canvas?.SelectedLink is { } link)
        {
            _editor!.Execute(new DisconnectCommand(link.SourceId, link.Outcome, link.TargetId));
        }
    }

    private void AutoLayout()
    {
        _editor!.AutoLayout();
        _canvas!.RequestFit();
    }

    private void Zoom(double factor) => _canvas!.Diagram.SetZoom(Math.Clamp(_canvas.Diagram.Zoom * factor, 0.2, 2.5));

    private void Validate()
    {
        _errors = Definitions.Validate(_editor!.Definition).Errors;
        _message = _errors.Count == 0 ? L("Studio.TheFlowIsValid") : L("Studio.0ErrorsFound", _errors.Count);
        Redraw();
    }

    private async Task<bool> SaveCoreAsync()
    {
        var result = await Definitions.SaveDraftAsync(_editor!.Definition, _version?.Expected, CancellationToken.None);
        if (!result.Succeeded)
        {
            _errors = result.Errors;
            _message = L("Studio.NotSavedSeeTheErrors");
            Redraw();
            return false;
        }

        _editor.MarkSaved();
        _version = result.Version ?? _version;
        return true;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            if (await SaveCoreAsync())
            {
                _message = L("Studio.DraftV0Saved", _version!.Version);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Validates, then opens the publish dialog with the diff against the published version.</summary>
    private async Task OpenPublishAsync()
    {
        Validate();
        if (_errors!.Count > 0)
        {
            _message = L("Studio.NotPublishedTheFlowHas");
            return;
        }

        var published = await Definitions.GetPublishedAsync(DefinitionId, CancellationToken.None);
        var next = _version is { IsPublished: false } draft ? draft.Version : (_version?.Version ?? 0) + 1;
        _publish = new PublishPreview(WorkflowDiff.Compare(published?.Definition, _editor!.Definition, Catalog), published?.Version.Version, next);
        _publishError = null;
    }

    private void ClosePublish() => _publish = null;

    private async Task PublishAsync(string changeNote)
    {
        _busy = true;
        try
        {
            if (_editor!.IsDirty && !await SaveCoreAsync())
            {
                _publish = null;
                _message = L("Studio.NotPublishedTheFlowHas");
                return;
            }

            var user = (await Authentication).User.Identity?.Name ?? "";
            var result = await Definitions.PublishAsync(DefinitionId, _version?.Expected, changeNote, user, CancellationToken.None);
            if (result.Succeeded)
            {
                _publish = null;
                _version = result.Version ?? _version;
                _message = L("Studio.VersionV0Published", _version!.Version);
            }
            else
            {
                _publishError = string.Join(" ", result.Errors.Select(e => e.Text(UiText.IsEnglish)));
                _errors = result.Errors.Any(e => e.ActivityId is not null) ? result.Errors : _errors;
                _message = L("Studio.NotPublished");
                Redraw();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExportAsync()
    {
        if (_js is not null)
        {
            await _js.InvokeVoidAsync("download", $"{_editor!.Definition.Id}.json", WorkflowDefinitionSerializer.Serialize(_editor.Definition));
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_editor?.IsDirty == true
            && !await Js.InvokeAsync<bool>("confirm", LeaveMessage))
        {
            context.PreventNavigation();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_js is not null)
        {
            try
            {
                await _js.InvokeVoidAsync("setDirty", false);
                await _js.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the page and its beforeunload handler.
            }
        }
    }
}
