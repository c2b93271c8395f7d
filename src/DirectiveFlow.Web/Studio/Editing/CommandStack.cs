using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>Undo and redo over a definition. Executing a new command clears the redo side.</summary>
public sealed class CommandStack
{
    private readonly Stack<IDefinitionCommand> _done = new();
    private readonly Stack<IDefinitionCommand> _undone = new();

    /// <summary>Moves on every execute, undo and redo; compared with a saved mark to tell unsaved changes.</summary>
    public long Revision { get; private set; }

    private long _revisionCounter;
    private readonly Stack<long> _doneRevisions = new();
    private readonly Stack<long> _undoneRevisions = new();

    public bool CanUndo => _done.Count > 0;

    public bool CanRedo => _undone.Count > 0;

    public string? UndoLabel => CanUndo ? _done.Peek().Label : null;

    public string? RedoLabel => CanRedo ? _undone.Peek().Label : null;

    public void Execute(IDefinitionCommand command, WorkflowDefinition definition)
    {
        command.Apply(definition);
        _done.Push(command);
        _doneRevisions.Push(Revision);
        _undone.Clear();
        _undoneRevisions.Clear();
        Revision = ++_revisionCounter;
    }

    public bool Undo(WorkflowDefinition definition)
    {
        if (!CanUndo)
        {
            return false;
        }

        var command = _done.Pop();
        command.Revert(definition);
        _undone.Push(command);
        _undoneRevisions.Push(Revision);
        Revision = _doneRevisions.Pop();
        return true;
    }

    public bool Redo(WorkflowDefinition definition)
    {
        if (!CanRedo)
        {
            return false;
        }

        var command = _undone.Pop();
        command.Apply(definition);
        _done.Push(command);
        _doneRevisions.Push(Revision);
        Revision = _undoneRevisions.Pop();
        return true;
    }

    public void Clear()
    {
        _done.Clear();
        _undone.Clear();
        _doneRevisions.Clear();
        _undoneRevisions.Clear();
    }
}
