namespace DirectiveFlow.Core.Organisation;

/// <summary>Where a unit sits: the city/province, a commune-level locality, or below a parent unit.</summary>
public enum UnitLevel
{
    /// <summary>City or province level (Thành phố / Tỉnh).</summary>
    Province = 1,

    /// <summary>Commune level since 1 July 2025: phường, xã, đặc khu.</summary>
    Commune = 2,

    /// <summary>A sub-unit under a parent unit: a department, a Front member organisation, a residential group.</summary>
    SubUnit = 3,
}
