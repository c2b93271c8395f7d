namespace DirectiveFlow.Infrastructure.Engine.SubCascades;

/// <summary>The sub-cascade and its child tasks; a refusal is a <see cref="Core.Common.Errors.ProblemException"/> (400, 404 or 409).</summary>
public sealed record StartSubCascadeResult(Guid ExecutionId, IReadOnlyList<Guid> TaskIds);
