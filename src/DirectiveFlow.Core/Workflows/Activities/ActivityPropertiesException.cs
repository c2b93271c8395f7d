using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// An activity's <c>properties</c> cannot be read: <see cref="Path"/> names the offending property and
/// <see cref="Problem"/> says why, as an error code whose first argument is the path (worded in the reader's language).
/// </summary>
public sealed class ActivityPropertiesException : Exception
{
    public ActivityPropertiesException()
        : this(new ErrorMessage(ErrorCodes.InvalidInput))
    {
    }

    public ActivityPropertiesException(string message)
        : base(message)
    {
        Problem = new ErrorMessage(ErrorCodes.InvalidInput);
    }

    public ActivityPropertiesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new ErrorMessage(ErrorCodes.InvalidInput);
    }

    /// <summary>The property at <paramref name="path"/> is refused with <paramref name="code"/> (a <c>property-…</c> code
    /// of <see cref="ErrorCodes"/>); the path becomes the message's first argument, <paramref name="args"/> the rest.</summary>
    public ActivityPropertiesException(string path, string code, params object?[] args)
        : this(new ErrorMessage(code, [path, .. args]))
    {
        Path = path;
    }

    private ActivityPropertiesException(ErrorMessage problem)
        : base(problem.Text(english: true))
    {
        Problem = problem;
    }

    /// <summary>The property path inside <c>properties</c>, e.g. <c>deadline.workingDays</c>.</summary>
    public string? Path { get; }

    /// <summary>What is wrong, with the path in it, as a code and its arguments.</summary>
    public ErrorMessage Problem { get; }
}
