namespace DirectiveFlow.Infrastructure.Tasks;

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
