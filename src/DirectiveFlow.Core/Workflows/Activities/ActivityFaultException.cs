using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>An activity cannot go on as defined (a condition that fails, …); the engine faults the flow with the
/// <see cref="Problem"/>.</summary>
public sealed class ActivityFaultException(ErrorMessage problem) : Exception(problem.Text(english: true))
{
    public ErrorMessage Problem { get; } = problem;
}
