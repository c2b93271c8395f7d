namespace DirectiveFlow.Core.Organisation;

/// <summary>The official kind of an administrative unit, as in the national list.</summary>
public enum LocalityType
{
    Province = 1,
    Ward = 2,
    Commune = 3,
    SpecialZone = 4,
}
