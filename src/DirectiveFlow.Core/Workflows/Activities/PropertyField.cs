namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>One property of an activity type, for the studio's property panel: the JSON key inside
/// <c>properties</c>, labels in Vietnamese and English, the editor kind, whether it is required, and fixed choices.</summary>
public sealed record PropertyField(
    string Name,
    string LabelVi,
    string LabelEn,
    PropertyFieldKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Options = null);
