using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Where a unit sits, read in one query (<see cref="Provinces.PlaceOfAsync"/>): its pillar, whether it is national (on
/// the country's locality), and its province locality — for a national unit, the country's locality itself.
/// </summary>
public sealed record UnitPlace(Pillar Pillar, bool IsNational, Guid ProvinceId);
