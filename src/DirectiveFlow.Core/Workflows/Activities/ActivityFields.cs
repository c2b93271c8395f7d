namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Property fields more than one activity type has.</summary>
public static class ActivityFields
{
    public static PropertyField Instructions { get; } = new("instructions", "Hướng dẫn", "Instructions", PropertyFieldKind.MultilineText);

    /// <summary>A <c>deadline</c> field labelled as the type needs (a task's deadline, a delay's wait).</summary>
    public static PropertyField Deadline(string labelVi, string labelEn) =>
        new("deadline", labelVi, labelEn, PropertyFieldKind.Deadline, Required: true);
}
