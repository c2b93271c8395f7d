using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

/// <summary>Replaces an activity's name and properties (one edit in the property panel).</summary>
public sealed class UpdateActivityCommand(string activityId, string? name, JsonObject properties) : IDefinitionCommand
{
    private string? _oldName;
    private JsonObject? _oldProperties;

    public string Label => $"Sửa {name ?? activityId}";

    public void Apply(WorkflowDefinition definition)
    {
        var activity = definition.Activities.Find(a => a.Id == activityId);
        if (activity is null)
        {
            return;
        }

        _oldName = activity.Name;
        _oldProperties = activity.Properties;
        activity.Name = name;
        activity.Properties = (JsonObject)properties.DeepClone();
    }

    public void Revert(WorkflowDefinition definition)
    {
        var activity = definition.Activities.Find(a => a.Id == activityId);
        if (activity is not null && _oldProperties is not null)
        {
            activity.Name = _oldName;
            activity.Properties = _oldProperties;
        }
    }
}
