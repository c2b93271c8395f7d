namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>When a Cascade takes its <c>Done</c> port.</summary>
public enum CompletionMode
{
    /// <summary>When every branch has finished.</summary>
    All = 1,

    /// <summary>When at least a percentage of the branches have finished.</summary>
    Percentage = 2,

    /// <summary>At a deadline, however many branches have finished (or earlier, when all have).</summary>
    Deadline = 3,
}
