using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

/// <summary>Sets who may issue the flow (<see cref="WorkflowIssuers"/>; null lets any unit issue it).</summary>
public sealed class UpdateIssuersCommand(WorkflowIssuers? issuers) : IDefinitionCommand
{
    private WorkflowIssuers? _old;

    public string Label => StudioText.L("Studio.EditIssuers");

    public void Apply(WorkflowDefinition definition)
    {
        _old = definition.Issuers;
        definition.Issuers = issuers;
    }

    public void Revert(WorkflowDefinition definition) => definition.Issuers = _old;
}
