using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>A unit as a picker offers it.</summary>
public sealed record UnitOption(string Code, string Name, Pillar Pillar, UnitLevel Level);
