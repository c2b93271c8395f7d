namespace DirectiveFlow.Infrastructure.Engine.Definitions;

/// <summary>Execution kinds the engine records beyond the definition's activity types.</summary>
public static class ExecutionKinds
{
    /// <summary>A unit's re-cascade of its own task to its sub-units (not an activity of the definition).</summary>
    public const string SubCascade = nameof(SubCascade);
}
