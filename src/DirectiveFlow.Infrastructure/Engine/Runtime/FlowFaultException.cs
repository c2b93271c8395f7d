namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>The flow cannot go on as defined (a selector names an unknown unit, an input is missing, …).</summary>
public sealed class FlowFaultException(string message) : Exception(message);
