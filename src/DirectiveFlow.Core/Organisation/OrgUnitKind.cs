namespace DirectiveFlow.Core.Organisation;

/// <summary>What an organisation unit is; pillar units are created by import, the others by administrators.</summary>
public enum OrgUnitKind
{
    PillarUnit = 1,
    Department = 2,
    MemberOrganisation = 3,
    ResidentialGroup = 4,
}
