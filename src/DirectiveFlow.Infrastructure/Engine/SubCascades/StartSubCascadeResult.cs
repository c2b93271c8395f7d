namespace DirectiveFlow.Infrastructure.Engine.SubCascades;

/// <summary>The sub-cascade and its child tasks, or why none was started (field errors → 400, conflict → 409, not found → 404).</summary>
public sealed record StartSubCascadeResult(
    Guid ExecutionId, IReadOnlyList<Guid> TaskIds, IReadOnlyDictionary<string, string[]>? Errors = null, string? Conflict = null, bool NotFound = false)
{
    public static StartSubCascadeResult Invalid(string field, string message) => new(Guid.Empty, [], new Dictionary<string, string[]> { [field] = [message] });

    public static StartSubCascadeResult Conflicting(string message) => new(Guid.Empty, [], Conflict: message);

    public static StartSubCascadeResult Missing { get; } = new(Guid.Empty, [], NotFound: true);
}
