namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>Turns a property reader's path (<c>escalation.steps[1].to</c>) into a JSON Pointer (<c>/escalation/steps/1/to</c>).</summary>
internal static class PropertyPointer
{
    public static string Of(string? path) =>
        string.IsNullOrEmpty(path) ? "" : "/" + path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
}
