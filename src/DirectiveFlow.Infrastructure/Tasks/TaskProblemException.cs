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

/// <summary>A refused task request: a kind (→ HTTP status), a message for people, and optional field errors.</summary>
public sealed class TaskProblemException : Exception
{
    public TaskProblemException(TaskProblemKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public TaskProblemException()
    {
    }

    public TaskProblemException(string message)
        : base(message)
    {
    }

    public TaskProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TaskProblemKind Kind { get; } = TaskProblemKind.Conflict;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>Allowed actions/states to name in a 409 answer, when known.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static TaskProblemException NotFound() => new(TaskProblemKind.NotFound, "Không tìm thấy nhiệm vụ. / Task not found.");

    public static TaskProblemException Forbidden(string why) => new(TaskProblemKind.Forbidden, why);

    public static TaskProblemException Conflict(string why) => new(TaskProblemKind.Conflict, why);

    public static TaskProblemException Invalid(string field, string error) =>
        new(TaskProblemKind.Invalid, "Dữ liệu không hợp lệ. / One or more fields are invalid.", new Dictionary<string, string[]> { [field] = [error] });
}
