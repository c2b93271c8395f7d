namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>A token about to enter <see cref="ActivityId"/> in <see cref="Scope"/>.</summary>
public readonly record struct FlowToken(string ActivityId, FlowScope Scope);
