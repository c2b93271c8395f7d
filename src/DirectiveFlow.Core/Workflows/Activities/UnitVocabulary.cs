using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The JSON spellings of pillars, levels and unit kinds used in selectors.</summary>
public static class UnitVocabulary
{
    private static readonly Dictionary<string, UnitLevel> LevelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["province"] = UnitLevel.Province,
        ["commune"] = UnitLevel.Commune,
        ["subunit"] = UnitLevel.SubUnit,
        ["national"] = UnitLevel.National,
    };

    private static readonly Dictionary<string, OrgUnitKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pillar"] = OrgUnitKind.PillarUnit,
        ["department"] = OrgUnitKind.Department,
        ["memberOrganisation"] = OrgUnitKind.MemberOrganisation,
        ["residentialGroup"] = OrgUnitKind.ResidentialGroup,
    };

    /// <summary>"PARTY", "COUNCIL", "COMMITTEE", "FRONT".</summary>
    public static IReadOnlyList<string> PillarNames { get; } = Enum.GetValues<Pillar>().Select(OrgUnit.PillarCode).ToList();

    /// <summary>"province", "commune", "subunit", "national".</summary>
    public static IReadOnlyList<string> LevelNamesList { get; } = LevelNames.Keys.ToList();

    /// <summary>"pillar", "department", "memberOrganisation", "residentialGroup".</summary>
    public static IReadOnlyList<string> KindNamesList { get; } = KindNames.Keys.ToList();

    public static bool TryParsePillar(string text, out Pillar pillar) =>
        Enum.TryParse(text, ignoreCase: true, out pillar) && Enum.IsDefined(pillar) && !int.TryParse(text, out _);

    public static bool TryParseLevel(string text, out UnitLevel level) => LevelNames.TryGetValue(text, out level);

    public static bool TryParseKind(string text, out OrgUnitKind kind) => KindNames.TryGetValue(text, out kind);

    public static string NameOf(UnitLevel level) => LevelNames.First(p => p.Value == level).Key;

    public static string NameOf(OrgUnitKind kind) => KindNames.First(p => p.Value == kind).Key;
}
