namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>The issued directive and its instance; a refusal is a <see cref="Core.Common.Errors.ProblemException"/> (nothing written then).</summary>
/// <param name="Replayed">
/// True when the request's key had already issued this directive (<see cref="Core.Directives.Directive.IssueKey"/>): nothing
/// was issued again.
/// </param>
public sealed record IssueDirectiveResult(Guid Id, Guid InstanceId, bool Replayed = false);
