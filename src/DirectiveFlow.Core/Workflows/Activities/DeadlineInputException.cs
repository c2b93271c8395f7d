using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A deadline taken from a directive input cannot be computed: the input is missing or out of range
/// (<see cref="Problem"/>, worded in the reader's language). An <see cref="InvalidOperationException"/>, as the
/// calendar's own refusals are.</summary>
public sealed class DeadlineInputException : InvalidOperationException
{
    public DeadlineInputException()
        : this(new ErrorMessage(ErrorCodes.InvalidInput))
    {
    }

    public DeadlineInputException(string message)
        : base(message)
    {
        Problem = new ErrorMessage(ErrorCodes.InvalidInput);
    }

    public DeadlineInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new ErrorMessage(ErrorCodes.InvalidInput);
    }

    public DeadlineInputException(ErrorMessage problem)
        : base(problem.Text(english: true))
    {
        Problem = problem;
    }

    public ErrorMessage Problem { get; }
}
