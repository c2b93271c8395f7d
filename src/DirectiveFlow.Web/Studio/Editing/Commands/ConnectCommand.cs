using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

public sealed class ConnectCommand(string source, string outcome, string target) : IDefinitionCommand
{
    private ConnectionDefinition? _added;

    public string Label => $"Nối {source}.{outcome} → {target}";

    public void Apply(WorkflowDefinition definition)
    {
        _added = new ConnectionDefinition { Source = source, Outcome = outcome, Target = target };
        definition.Connections.Add(_added);
    }

    public void Revert(WorkflowDefinition definition)
    {
        if (_added is not null)
        {
            definition.Connections.Remove(_added);
        }
    }
}
