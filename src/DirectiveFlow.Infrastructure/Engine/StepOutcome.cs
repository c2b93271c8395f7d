namespace DirectiveFlow.Infrastructure.Engine;

/// <summary>
/// What the work inside one engine step (<see cref="IWorkflowEngine.RunStepAsync{T}"/>) answers: its result, whether
/// its writes commit, and the large cascades whose batches are written once they have.
/// </summary>
public readonly record struct StepOutcome<T>(T Result, bool Commit, IReadOnlyList<Guid> DeferredCascades);

/// <summary>The two ways a step ends.</summary>
public static class StepOutcome
{
    /// <summary>The step's writes commit; <paramref name="deferredCascades"/> are written after the commit.</summary>
    public static StepOutcome<T> Committed<T>(T result, IReadOnlyList<Guid> deferredCascades) => new(result, true, deferredCascades);

    /// <summary>Nothing the step wrote commits (the transaction rolls back); <paramref name="result"/> says why.</summary>
    public static StepOutcome<T> RolledBack<T>(T result) => new(result, false, []);
}
