namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>An activity cannot go on as defined (a condition that fails, …); the engine faults the flow with the message.</summary>
public sealed class ActivityFaultException(string message) : Exception(message);
