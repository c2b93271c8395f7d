using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Core.Organisation;

/// <summary>An organisation unit: a locality × pillar, or a sub-unit under a parent unit.</summary>
public sealed class OrgUnit
{
    public Guid Id { get; set; }

    /// <summary>Unique code; pillar units use "{localityCode}-{PILLAR}", e.g. "00070-PARTY".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public Pillar Pillar { get; set; }

    public UnitLevel Level { get; set; }

    public OrgUnitKind Kind { get; set; } = OrgUnitKind.PillarUnit;

    public Guid? ParentId { get; set; }

    public Guid LocalityId { get; set; }

    /// <summary>Denormalised from the locality so filters and listings need no join.</summary>
    public required string LocalityCode { get; set; }

    public string? HeadName { get; set; }

    public string? HeadEmail { get; set; }

    /// <summary>Contact emails separated by ';'.</summary>
    public string? ContactEmails { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The code and name folded for search (<see cref="SearchText.Fold"/>: lower case, no diacritics, đ as d), always
    /// derived from them and stored so the database can match it: "ba dinh", "BA ĐÌNH" and "Ba Đình" find the same
    /// units. The setter is for EF reading the column back; what it reads is ignored.
    /// </summary>
    public string SearchKey
    {
        get => SearchText.Fold($"{Code} {Name}");
        private set => _ = value;
    }

    public static string PillarCode(Pillar pillar) => pillar.ToString().ToUpperInvariant();

    public static string CodeFor(string localityCode, Pillar pillar) => $"{localityCode}-{PillarCode(pillar)}";
}
