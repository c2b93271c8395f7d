namespace DirectiveFlow.Core.Workflows;

public enum ActivityExecutionStatus
{
    Running = 1,
    Waiting = 2,
    Completed = 3,
    Cancelled = 4,
    Faulted = 5,
}
