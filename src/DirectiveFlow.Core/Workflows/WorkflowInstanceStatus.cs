namespace DirectiveFlow.Core.Workflows;

public enum WorkflowInstanceStatus
{
    Running = 1,
    Completed = 2,
    Faulted = 3,
    Cancelled = 4,
}
