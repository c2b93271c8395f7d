namespace DirectiveFlow.Core.Workflows;

/// <summary>Where the studio draws an activity.</summary>
public sealed record Position(double X, double Y);
