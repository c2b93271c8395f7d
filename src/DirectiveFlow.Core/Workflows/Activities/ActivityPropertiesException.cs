namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>An activity's <c>properties</c> cannot be read: <see cref="Path"/> names the offending property.</summary>
public sealed class ActivityPropertiesException : Exception
{
    public ActivityPropertiesException()
    {
    }

    public ActivityPropertiesException(string message)
        : base(message)
    {
    }

    public ActivityPropertiesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActivityPropertiesException(string path, string message)
        : base($"{path}: {message}")
    {
        Path = path;
    }

    /// <summary>The property path inside <c>properties</c>, e.g. <c>deadline.workingDays</c>.</summary>
    public string? Path { get; }
}
