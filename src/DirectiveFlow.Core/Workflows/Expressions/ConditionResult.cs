namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>A condition's answer, or why there is none (<see cref="Error"/> in English, <see cref="ErrorVi"/> in Vietnamese).</summary>
public sealed record ConditionResult(bool Value, ConditionErrorKind? ErrorKind = null, string? Error = null, string? ErrorVi = null)
{
    public bool IsSuccess => ErrorKind is null;

    /// <summary>True when the script was stopped by a limit (time, statements, memory, recursion): it would run away.</summary>
    public bool IsLimitExceeded => ErrorKind is ConditionErrorKind.Timeout or ConditionErrorKind.StatementLimit
        or ConditionErrorKind.MemoryLimit or ConditionErrorKind.RecursionLimit;

    /// <summary>True when the condition can never give an answer, whatever the directive: it runs away or leaves the sandbox.</summary>
    public bool CanNeverRun => IsLimitExceeded || ErrorKind is ConditionErrorKind.Sandbox;

    public static ConditionResult Success(bool value) => new(value);

    public static ConditionResult Failure(ConditionErrorKind kind, string error, string errorVi) => new(false, kind, error, errorVi);
}
