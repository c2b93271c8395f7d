namespace DirectiveFlow.Core.Organisation;

/// <summary>Where a unit sits: the national level, the city/province, a commune-level locality, or below a parent unit.</summary>
public enum UnitLevel
{
    /// <summary>City or province level (Thành phố / Tỉnh).</summary>
    Province = 1,

    /// <summary>Commune level since 1 July 2025: phường, xã, đặc khu.</summary>
    Commune = 2,

    /// <summary>A sub-unit under a parent unit: a department, a Front member organisation, a residential group.</summary>
    SubUnit = 3,

    /// <summary>
    /// The national level above the 34 provinces: Ban Chấp hành Trung ương Đảng, Quốc hội, Chính phủ, Ủy ban Trung ương
    /// MTTQ Việt Nam (stored as its name, like every enum, so the number only orders nothing).
    /// </summary>
    National = 4,
}
