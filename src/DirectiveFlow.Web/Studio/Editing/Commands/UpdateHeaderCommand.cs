using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

/// <summary>Renames the flow or changes its description.</summary>
public sealed class UpdateHeaderCommand(string name, string? description) : IDefinitionCommand
{
    private string _oldName = "";
    private string? _oldDescription;

    public string Label => "Sửa tên quy trình";

    public void Apply(WorkflowDefinition definition)
    {
        _oldName = definition.Name;
        _oldDescription = definition.Description;
        definition.Name = name;
        definition.Description = description;
    }

    public void Revert(WorkflowDefinition definition)
    {
        definition.Name = _oldName;
        definition.Description = _oldDescription;
    }
}
