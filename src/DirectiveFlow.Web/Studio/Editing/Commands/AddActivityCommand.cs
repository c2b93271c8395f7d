using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

public sealed class AddActivityCommand(ActivityDefinition activity) : IDefinitionCommand
{
    public string Label => $"Thêm {activity.Name ?? activity.Type}";

    public void Apply(WorkflowDefinition definition) => definition.Activities.Add(activity);

    public void Revert(WorkflowDefinition definition) => definition.Activities.Remove(activity);
}
