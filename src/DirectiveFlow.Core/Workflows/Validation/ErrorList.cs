using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>Collects errors while the rules run, resolving activity indexes to pointers.</summary>
internal sealed class ErrorList(WorkflowDefinition? definition)
{
    public List<WorkflowValidationError> Items { get; } = [];

    public void Add(string code, ErrorMessage message, string? activityId = null, string? path = null) =>
        Items.Add(new WorkflowValidationError(code, message, activityId, path));

    /// <summary>Adds an error about the activity at <paramref name="index"/>, pointing at <paramref name="subPath"/> inside it.</summary>
    public void AddForActivity(int index, string code, ErrorMessage message, string? subPath = null) =>
        Add(code, message, definition?.Activities[index].Id, $"/activities/{index}{subPath}");

    public bool HasErrorUnder(string pointerPrefix) => Items.Any(e => e.Path?.StartsWith(pointerPrefix, StringComparison.Ordinal) == true);
}
