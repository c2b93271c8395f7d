namespace DirectiveFlow.Core.Common.Errors;

/// <summary>What kind of refusal a <see cref="ProblemException"/> is; the web layer maps each to its HTTP status.</summary>
public enum ProblemKind
{
    /// <summary>400: the input is invalid (field errors in <see cref="ProblemException.Errors"/>).</summary>
    Invalid,

    /// <summary>404: no such thing, or the caller may not know it exists.</summary>
    NotFound,

    /// <summary>403: the caller may see it but not do this.</summary>
    Forbidden,

    /// <summary>409: the current state or a concurrent change forbids it now.</summary>
    Conflict,
}
