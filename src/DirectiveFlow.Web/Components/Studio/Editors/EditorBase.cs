using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace DirectiveFlow.Web.Components.Studio.Editors;

/// <summary>An editor of one key of an activity's properties; it edits <see cref="Props"/> in place and says so.</summary>
public abstract class EditorBase : ComponentBase
{
    [Parameter, EditorRequired]
    public JsonObject Props { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Key { get; set; } = "";

    [Parameter]
    public string Label { get; set; } = "";

    [Parameter]
    public bool Required { get; set; }

    [Parameter]
    public EventCallback Changed { get; set; }

    protected string TestId => $"prop-{Key}";

    protected Task CommitAsync() => Changed.InvokeAsync();
}
