namespace DirectiveFlow.Core.Organisation;

/// <summary>The official kind of an administrative unit, as in the national list.</summary>
public enum LocalityType
{
    Province = 1,
    Ward = 2,
    Commune = 3,
    SpecialZone = 4,

    /// <summary>The whole country: the locality of the four pillars' national bodies, above every province.</summary>
    Country = 5,
}
