namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// An action was attempted in a state that does not allow it. Carries what is allowed instead, so the API can answer
/// 409 naming the allowed actions and the states in which the attempted action would have been allowed.
/// </summary>
public sealed class TaskTransitionException : InvalidOperationException
{
    public TaskTransitionException(TaskAction action, UnitTaskStatus status)
        : base($"'{action}' is not allowed while the task is {status}. Allowed now: " +
               $"[{string.Join(", ", TaskStateMachine.AllowedIn(status))}]; '{action}' is allowed in: " +
               $"[{string.Join(", ", TaskStateMachine.StatesAllowing(action))}].")
    {
        Action = action;
        Status = status;
    }

    public TaskTransitionException()
    {
    }

    public TaskTransitionException(string message)
        : base(message)
    {
    }

    public TaskTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TaskAction Action { get; }

    public UnitTaskStatus Status { get; }

    public IReadOnlyList<TaskAction> AllowedActions => TaskStateMachine.AllowedIn(Status);

    public IReadOnlyList<UnitTaskStatus> AllowedStates => TaskStateMachine.StatesAllowing(Action);
}
