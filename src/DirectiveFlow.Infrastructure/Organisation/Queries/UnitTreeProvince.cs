namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>A province (or centrally governed city) the units screen may show.</summary>
public sealed record UnitTreeProvince(Guid Id, string Code, string Name);
