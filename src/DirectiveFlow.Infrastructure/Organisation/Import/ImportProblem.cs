using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// One thing wrong with an import file, as a code (<see cref="ErrorCodes"/>) worded in the reader's language;
/// <see cref="Line"/> is 1-based, the header being line 1.
/// </summary>
public sealed record ImportProblem(int Line, ErrorMessage Problem)
{
    /// <summary>The problem in English, for the command line and logs.</summary>
    public string Message => Problem.Text(english: true);
}
