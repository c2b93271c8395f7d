namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Property fields more than one activity type has.</summary>
public static class ActivityFields
{
    public static PropertyField Instructions { get; } = new("instructions", "Field.instructions", PropertyFieldKind.MultilineText);

    /// <summary>A <c>deadline</c> field labelled as the type needs (a task's deadline, a delay's wait), by its word key.</summary>
    public static PropertyField Deadline(string labelKey) => new("deadline", labelKey, PropertyFieldKind.Deadline, Required: true);
}
