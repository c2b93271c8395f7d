using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation;

/// <summary>
/// The national level above the 34 provinces: one locality for the whole country and the four pillars' national bodies
/// on it, each the parent of its pillar's province units. Created by an import that holds more than one province.
/// </summary>
public static class NationalTier
{
    /// <summary>The country's locality code; the national bodies' codes follow the pillar units' rule: "VN-COMMITTEE".</summary>
    public const string LocalityCode = "VN";

    public const string LocalityName = "Trung ương";

    public static string UnitCode(Pillar pillar) => OrgUnit.CodeFor(LocalityCode, pillar);

    /// <summary>"Ban Chấp hành Trung ương Đảng", "Quốc hội", "Chính phủ", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam".</summary>
    public static string UnitName(Pillar pillar) => pillar switch
    {
        Pillar.Party => "Ban Chấp hành Trung ương Đảng",
        Pillar.Council => "Quốc hội",
        Pillar.Committee => "Chính phủ",
        Pillar.Front => "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        _ => throw new ArgumentOutOfRangeException(nameof(pillar), pillar, null),
    };
}
