namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A short text an activity type gives the studio, in Vietnamese and English.</summary>
public sealed record ActivityText(string Vi, string En)
{
    public static ActivityText Empty { get; } = new("", "");

    /// <summary>The same text in both languages (a condition, a duration).</summary>
    public static ActivityText Same(string text) => new(text, text);

    public ActivityText Prefix(string vi, string en) => new(vi + Vi, en + En);
}
