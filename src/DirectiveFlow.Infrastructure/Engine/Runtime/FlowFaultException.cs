using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>The flow cannot go on as defined (a selector names an unknown unit, an input is missing, …): the
/// <see cref="Problem"/> as a code for a refusal worded in the reader's language; the message (kept on the faulted
/// instance and in its journal) is its English text.</summary>
public sealed class FlowFaultException(ErrorMessage problem) : Exception(problem.Text(english: true))
{
    public ErrorMessage Problem { get; } = problem;
}
