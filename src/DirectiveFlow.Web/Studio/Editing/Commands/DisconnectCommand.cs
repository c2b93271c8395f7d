using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

public sealed class DisconnectCommand(string source, string outcome, string target) : IDefinitionCommand
{
    private int _index = -1;
    private ConnectionDefinition? _removed;

    public string Label => $"Bỏ nối {source}.{outcome} → {target}";

    public void Apply(WorkflowDefinition definition)
    {
        _index = definition.Connections.FindIndex(c => c.Source == source && c.Outcome == outcome && c.Target == target);
        if (_index >= 0)
        {
            _removed = definition.Connections[_index];
            definition.Connections.RemoveAt(_index);
        }
    }

    public void Revert(WorkflowDefinition definition)
    {
        if (_removed is not null)
        {
            definition.Connections.Insert(_index, _removed);
        }
    }
}
