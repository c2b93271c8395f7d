namespace DirectiveFlow.Core.Common.Errors;

/// <summary>
/// The one way a use case refuses a request: a <see cref="Kind"/> (→ HTTP status), a message as code and arguments,
/// and for invalid input the field errors. The web layer turns it into ProblemDetails in one place; pages show the
/// same codes in the reader's language.
/// </summary>
public sealed class ProblemException : Exception
{
    private static readonly Dictionary<string, ErrorMessage[]> NoErrors = [];

    public ProblemException(ProblemKind kind, ErrorMessage problem, IReadOnlyDictionary<string, ErrorMessage[]>? errors = null)
        : base(problem.Text(english: true))
    {
        Kind = kind;
        Problem = problem;
        Errors = errors ?? NoErrors;
    }

    public ProblemException()
        : this(ProblemKind.Conflict, new ErrorMessage(ErrorCodes.Conflict))
    {
    }

    public ProblemException(string message)
        : base(message)
    {
        Problem = new ErrorMessage(ErrorCodes.Conflict);
    }

    public ProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new ErrorMessage(ErrorCodes.Conflict);
    }

    public ProblemKind Kind { get; } = ProblemKind.Conflict;

    /// <summary>What went wrong as a whole; its code is the <c>code</c> of the ProblemDetails.</summary>
    public ErrorMessage Problem { get; }

    /// <summary>The stable code clients may branch on.</summary>
    public string Code => Problem.Code;

    public IReadOnlyDictionary<string, ErrorMessage[]> Errors { get; } = NoErrors;

    /// <summary>Further members of the ProblemDetails (e.g. the actions allowed in a 409), when known.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>The same refusal with one more member of its ProblemDetails (a <see cref="WordedValue"/> when it has words).</summary>
    public ProblemException With(string member, object? value) => new(Kind, Problem, Errors)
    {
        Extensions = new Dictionary<string, object?>(Extensions) { [member] = value },
    };

    public static ProblemException Invalid(IReadOnlyDictionary<string, ErrorMessage[]> errors) =>
        new(ProblemKind.Invalid, new ErrorMessage(ErrorCodes.InvalidInput), errors);

    public static ProblemException Invalid(string field, string code, params object?[] args) =>
        Invalid(field, new ErrorMessage(code, args));

    public static ProblemException Invalid(string field, ErrorMessage message) =>
        Invalid(new Dictionary<string, ErrorMessage[]> { [field] = [message] });

    public static ProblemException NotFound(string code, params object?[] args) => new(ProblemKind.NotFound, new ErrorMessage(code, args));

    public static ProblemException Forbidden(string code, params object?[] args) => new(ProblemKind.Forbidden, new ErrorMessage(code, args));

    public static ProblemException Conflict(string code, params object?[] args) => new(ProblemKind.Conflict, new ErrorMessage(code, args));
}
