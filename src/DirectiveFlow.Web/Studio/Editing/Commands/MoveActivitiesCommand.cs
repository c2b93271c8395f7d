using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing.Commands;

/// <summary>Moves one activity (a drag) or many (auto-layout); undo restores the old positions, absent ones included.</summary>
public sealed class MoveActivitiesCommand(string label, IReadOnlyDictionary<string, Position> moves) : IDefinitionCommand
{
    private readonly Dictionary<string, Position?> _old = new(StringComparer.Ordinal);

    public string Label => label;

    public void Apply(WorkflowDefinition definition)
    {
        _old.Clear();
        foreach (var activity in definition.Activities)
        {
            if (moves.TryGetValue(activity.Id, out var to))
            {
                _old[activity.Id] = activity.Position;
                activity.Position = to;
            }
        }
    }

    public void Revert(WorkflowDefinition definition)
    {
        foreach (var activity in definition.Activities)
        {
            if (_old.TryGetValue(activity.Id, out var from))
            {
                activity.Position = from;
            }
        }
    }
}
