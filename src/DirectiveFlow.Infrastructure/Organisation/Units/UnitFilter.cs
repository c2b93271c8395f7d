using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>Filters of <c>GET /api/units</c>; null means "any". <see cref="Text"/> matches code or name.</summary>
public sealed record UnitFilter(
    Pillar? Pillar = null,
    UnitLevel? Level = null,
    string? LocalityCode = null,
    Guid? ParentId = null,
    string? Text = null,
    bool? IsActive = null);
