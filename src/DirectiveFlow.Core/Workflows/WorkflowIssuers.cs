using System.Text.Json.Serialization;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Workflows;

/// <summary>
/// Who may issue a flow: <c>{"pillars": ["PARTY"], "levels": ["province"], "units": ["01-PARTY"]}</c>. A unit may
/// issue when its code is listed in <see cref="Units"/>, or when <see cref="Pillars"/> or <see cref="Levels"/> is given
/// and the unit passes both (an absent list passes every unit). A definition without issuers may be issued by any unit.
/// </summary>
public sealed class WorkflowIssuers
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Pillars { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Levels { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Units { get; set; }

    /// <summary>True when nothing is declared: every unit may issue.</summary>
    [JsonIgnore]
    public bool IsAnyone => Pillars is null && Levels is null && Units is null;

    /// <summary>Whether <paramref name="unit"/> may issue a flow declaring these issuers (unknown spellings match nothing).</summary>
    public bool Allows(OrgUnit unit)
    {
        if (IsAnyone || Units?.Contains(unit.Code, StringComparer.Ordinal) == true)
        {
            return true;
        }

        if (Pillars is null && Levels is null)
        {
            return false;
        }

        return (Pillars is null || Pillars.Any(p => UnitVocabulary.TryParsePillar(p, out var pillar) && pillar == unit.Pillar))
            && (Levels is null || Levels.Any(l => UnitVocabulary.TryParseLevel(l, out var level) && level == unit.Level));
    }

    /// <summary>Whether a definition's issuers (none = anyone) allow <paramref name="unit"/>.</summary>
    public static bool Allow(WorkflowIssuers? issuers, OrgUnit unit) => issuers is null || issuers.Allows(unit);

    /// <summary>The issuers in words, e.g. "trục Đảng; cấp thành phố, tỉnh" or "Party; province level".</summary>
    public string Describe(bool english)
    {
        var parts = new List<string>();
        if (Pillars is { Count: > 0 } pillars)
        {
            parts.Add((english ? "pillar " : "trục ") + string.Join(", ", pillars.Select(p => PillarWord(p, english))));
        }

        if (Levels is { Count: > 0 } levels)
        {
            parts.Add((english ? "level " : "cấp ") + string.Join(", ", levels.Select(l => LevelWord(l, english))));
        }

        if (Units is { Count: > 0 } units)
        {
            parts.Add((english ? "units " : "đơn vị ") + string.Join(", ", units));
        }

        return parts.Count == 0 ? (english ? "no unit" : "không đơn vị nào") : string.Join("; ", parts);
    }

    private static string PillarWord(string code, bool english) => UnitVocabulary.TryParsePillar(code, out var pillar)
        ? pillar switch
        {
            Pillar.Party => english ? "Party" : "Đảng",
            Pillar.Council => english ? "People's Council" : "HĐND",
            Pillar.Committee => english ? "People's Committee" : "UBND",
            _ => english ? "Fatherland Front" : "MTTQ",
        }
        : code;

    private static string LevelWord(string code, bool english) => UnitVocabulary.TryParseLevel(code, out var level)
        ? level switch
        {
            UnitLevel.Province => english ? "city/province" : "thành phố, tỉnh",
            UnitLevel.Commune => english ? "commune" : "phường, xã",
            UnitLevel.National => english ? "national" : "trung ương",
            _ => english ? "sub-unit" : "đơn vị trực thuộc",
        }
        : code;
}
