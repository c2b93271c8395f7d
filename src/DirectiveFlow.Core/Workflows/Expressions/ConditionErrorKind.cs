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

    /// <summary>
    /// The script reached for what the sandbox does not offer — a name that is not defined (CLR access such as
    /// <c>System.IO.File</c>), <c>eval</c> or <c>Function</c> — or for a value beyond its limits (<c>'x'.repeat(1e9)</c>).
    /// </summary>
    Sandbox = 8,
}
