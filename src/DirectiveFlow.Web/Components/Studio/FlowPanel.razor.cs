using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Components;
using static DirectiveFlow.Web.Studio.StudioText;

namespace DirectiveFlow.Web.Components.Studio;

/// <summary>The flow's own settings: name, description, inputs and who may issue it.</summary>
public partial class FlowPanel
{
    [Parameter, EditorRequired]
    public WorkflowDefinition Definition { get; set; } = null!;

    [Parameter]
    public EventCallback<(string Name, string? Description)> Rename { get; set; }

    /// <summary>Raised with the flow's new issuers (null: any unit may issue).</summary>
    [Parameter]
    public EventCallback<WorkflowIssuers?> SetIssuers { get; set; }

    private WorkflowIssuers Issuers => Definition.Issuers ?? new();

    private string UnitsText => string.Join(", ", Issuers.Units ?? []);

    /// <summary>An input's type (string, number, boolean, date, unit) in words; an unknown one as written.</summary>
    private static string InputTypeWord(string type) =>
        UiText.Current.ContainsKey("Studio.InputType." + type) ? L("Studio.InputType." + type) : type;

    private Task ToggleAsync(string? pillar, string? level, bool on)
    {
        var pillars = Toggle(Issuers.Pillars, pillar, on);
        var levels = Toggle(Issuers.Levels, level, on);
        return ChangeAsync(pillars, levels, Issuers.Units);
    }

    private Task SetUnitsAsync(string? text)
    {
        var codes = (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return ChangeAsync(Issuers.Pillars, Issuers.Levels, codes);
    }

    /// <summary>An empty list is left out; nothing left at all means any unit may issue.</summary>
    private Task ChangeAsync(List<string>? pillars, List<string>? levels, List<string>? units)
    {
        var issuers = new WorkflowIssuers
        {
            Pillars = pillars is { Count: > 0 } ? pillars : null,
            Levels = levels is { Count: > 0 } ? levels : null,
            Units = units is { Count: > 0 } ? units : null,
        };
        return SetIssuers.InvokeAsync(issuers.IsAnyone ? null : issuers);
    }

    private static List<string>? Toggle(List<string>? list, string? value, bool on)
    {
        if (value is null)
        {
            return list;
        }

        var result = (list ?? []).Where(v => v != value).ToList();
        if (on)
        {
            result.Add(value);
        }

        return result;
    }
}
