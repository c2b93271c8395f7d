using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>A condition's answer, or why there is none (<see cref="Problem"/>, worded in the reader's language).</summary>
public sealed record ConditionResult(bool Value, ConditionErrorKind? ErrorKind = null, ErrorMessage? Problem = null)
{
    /// <summary>Why there is no answer, in English (engine faults and logs), or null.</summary>
    public string? Error => Problem?.Text(english: true);

    public bool IsSuccess => ErrorKind is null;

    /// <summary>True when the script was stopped by a limit (time, statements, memory, recursion): it would run away.</summary>
    public bool IsLimitExceeded => ErrorKind is ConditionErrorKind.Timeout or ConditionErrorKind.StatementLimit
        or ConditionErrorKind.MemoryLimit or ConditionErrorKind.RecursionLimit;

    /// <summary>True when the condition can never give an answer, whatever the directive: it runs away or leaves the sandbox.</summary>
    public bool CanNeverRun => IsLimitExceeded || ErrorKind is ConditionErrorKind.Sandbox;

    public static ConditionResult Success(bool value) => new(value);

    public static ConditionResult Failure(ConditionErrorKind kind, string code, params object?[] args) => new(false, kind, new ErrorMessage(code, args));
}
