using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Web.Studio.Editing.Commands;
using DirectiveFlow.Web.Studio.Mapping;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>
/// The definition being edited in the designer and its undo history. Every change goes through a command, so the
/// canvas, the property panel and the undo buttons all see the same model.
/// </summary>
public sealed class DefinitionEditor(WorkflowDefinition definition, WorkflowDiagramMapper mapper, IActivityPorts ports, ActivityPalette palette)
{
    private readonly CommandStack _stack = new();
    private long _savedRevision;

    public WorkflowDefinition Definition { get; private set; } = definition;

    public bool IsDirty => _stack.Revision != _savedRevision;

    public bool CanUndo => _stack.CanUndo;

    public bool CanRedo => _stack.CanRedo;

    public string? UndoLabel => _stack.UndoLabel;

    public string? RedoLabel => _stack.RedoLabel;

    /// <summary>Raised after every change, undo and redo.</summary>
    public event Action? Changed;

    public WorkflowDiagram ToDiagram() => mapper.ToDiagram(Definition);

    public void Execute(IDefinitionCommand command)
    {
        _stack.Execute(command, Definition);
        Changed?.Invoke();
    }

    public void Undo()
    {
        if (_stack.Undo(Definition))
        {
            Changed?.Invoke();
        }
    }

    public void Redo()
    {
        if (_stack.Redo(Definition))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Takes a freshly loaded or saved definition as the new clean state.</summary>
    public void Reset(WorkflowDefinition loaded)
    {
        Definition = loaded;
        _stack.Clear();
        _savedRevision = _stack.Revision;
        Changed?.Invoke();
    }

    public void MarkSaved() => _savedRevision = _stack.Revision;

    public ActivityDefinition AddActivity(string type, double x, double y)
    {
        var entry = palette.Find(type) ?? throw new ArgumentException($"Unknown activity type {type}.", nameof(type));
        var activity = new ActivityDefinition
        {
            Id = NewId(type),
            Type = type,
            Name = entry.Descriptor.DisplayNameVi, // stored in the definition: Vietnamese first, as StarterFlow names its nodes
            Position = new Position(Math.Round(x), Math.Round(y)),
            Properties = entry.Defaults(),
        };
        Execute(new AddActivityCommand(activity));
        return activity;
    }

    /// <summary>Connects an outcome port to an activity; refuses what the diagram could never draw.</summary>
    public bool TryConnect(string source, string outcome, string target)
    {
        var from = Definition.Activities.Find(a => a.Id == source);
        var to = Definition.Activities.Find(a => a.Id == target);
        if (from is null || to is null || !ports.HasInput(to.Type)
            || !ports.OutcomesOf(from).Contains(outcome, StringComparer.Ordinal)
            || Definition.Connections.Exists(c => c.Source == source && c.Outcome == outcome && c.Target == target))
        {
            return false;
        }

        Execute(new ConnectCommand(source, outcome, target));
        return true;
    }

    public void AutoLayout()
    {
        var layout = LayeredLayout.Compute(ToDiagram());
        Execute(new MoveActivitiesCommand("Tự sắp xếp", layout.ToDictionary(p => p.Key, p => new Position(p.Value.X, p.Value.Y))));
    }

    private string NewId(string type)
    {
        var stem = char.ToLowerInvariant(type[0]) + type[1..];
        for (var n = 1; ; n++)
        {
            var id = $"{stem}{n}";
            if (!Definition.Activities.Exists(a => a.Id == id))
            {
                return id;
            }
        }
    }
}
