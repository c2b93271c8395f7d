using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>One undoable change to a definition being edited. Revert undoes exactly what Apply did.</summary>
public interface IDefinitionCommand
{
    /// <summary>What the change was, for the undo/redo tooltips.</summary>
    string Label { get; }

    void Apply(WorkflowDefinition definition);

    void Revert(WorkflowDefinition definition);
}
