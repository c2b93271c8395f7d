namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>The issued directive and its instance; a refusal is a <see cref="Core.Common.Errors.ProblemException"/> (nothing written then).</summary>
public sealed record IssueDirectiveResult(Guid Id, Guid InstanceId);
