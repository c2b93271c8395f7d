namespace DirectiveFlow.Infrastructure.Tasks;

/// <summary>What went wrong with a task request; the web layer turns each kind into its ProblemDetails status.</summary>
public enum TaskProblemKind
{
    /// <summary>400: the input is invalid (field errors in <see cref="TaskProblemException.Errors"/>).</summary>
    Invalid,

    /// <summary>404: no such task, or the caller may not know it exists.</summary>
    NotFound,

    /// <summary>403: the caller may read the task but not do this.</summary>
    Forbidden,

    /// <summary>409: the task's state or a concurrent change forbids it now.</summary>
    Conflict,
}
