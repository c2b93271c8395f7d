namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>Why a condition produced no answer.</summary>
public enum ConditionErrorKind
{
    /// <summary>The text is not valid JavaScript.</summary>
    Syntax = 1,

    /// <summary>The script threw (e.g. reading a property of undefined).</summary>
    Runtime = 2,

    /// <summary>The script returned something other than true or false.</summary>
    NotBoolean = 3,

    /// <summary>The script ran longer than the time limit.</summary>
    Timeout = 4,

    /// <summary>The script ran more statements than allowed.</summary>
    StatementLimit = 5,

    /// <summary>The script allocated more memory than allowed.</summary>
    MemoryLimit = 6,

    /// <summary>The script recursed deeper than allowed.</summary>
    RecursionLimit = 7,
}
