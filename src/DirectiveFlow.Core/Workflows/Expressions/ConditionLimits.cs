namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>The sandbox for Decision conditions: time, memory, statements and recursion depth.</summary>
public sealed record ConditionLimits(TimeSpan Timeout, long MemoryBytes, int MaxStatements, int MaxRecursion)
{
    /// <summary>200 ms, 4 MB, 10,000 statements, recursion depth 64.</summary>
    public static ConditionLimits Default { get; } = new(TimeSpan.FromMilliseconds(200), 4 * 1024 * 1024, 10_000, 64);
}
