namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>A head of a unit: the person's name and position.</summary>
public sealed record UnitHead(string Name, string Position);
