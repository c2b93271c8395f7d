using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

/// <summary>Removes an activity with every connection into or out of it; undo puts all back where they were.</summary>
public sealed class RemoveActivityCommand(string activityId) : IDefinitionCommand
{
    private int _index = -1;
    private ActivityDefinition? _removed;
    private readonly List<(int Index, ConnectionDefinition Connection)> _connections = [];

    public string Label => $"Xóa {_removed?.Name ?? activityId}";

    public void Apply(WorkflowDefinition definition)
    {
        _index = definition.Activities.FindIndex(a => a.Id == activityId);
        if (_index < 0)
        {
            return;
        }

        _removed = definition.Activities[_index];
        definition.Activities.RemoveAt(_index);
        _connections.Clear();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            if (c.Source == activityId || c.Target == activityId)
            {
                _connections.Add((i, c));
            }
        }

        definition.Connections.RemoveAll(c => c.Source == activityId || c.Target == activityId);
    }

    public void Revert(WorkflowDefinition definition)
    {
        if (_removed is null)
        {
            return;
        }

        definition.Activities.Insert(_index, _removed);
        foreach (var (index, connection) in _connections)
        {
            definition.Connections.Insert(index, connection);
        }
    }
}
