namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>A condition's answer, or why there is none (<see cref="Error"/> in English, <see cref="ErrorVi"/> in Vietnamese).</summary>
public sealed record ConditionResult(bool Value, ConditionErrorKind? ErrorKind = null, string? Error = null, string? ErrorVi = null)
{
    public bool IsSuccess => ErrorKind is null;

    /// <summary>True when the script was stopped by a limit (time, statements, memory, recursion): it would run away.</summary>
    public bool IsLimitExceeded => ErrorKind is ConditionErrorKind.Timeout or ConditionErrorKind.StatementLimit
        or ConditionErrorKind.MemoryLimit or ConditionErrorKind.RecursionLimit;

    public static ConditionResult Success(bool value) => new(value);

    public static ConditionResult Failure(ConditionErrorKind kind, string error, string errorVi) => new(false, kind, error, errorVi);
}
