using System.Text.Json.Serialization;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>The figures of one cell of the pillar × level matrix (level "province", "commune" or "subunit").</summary>
public sealed record PillarLevelReportCounts : ReportCounts
{
    public PillarLevelReportCounts(string pillar, string level, ReportCounts counts)
        : base(counts)
    {
        Pillar = pillar;
        Level = level;
    }

    [JsonPropertyOrder(-2)]
    public string Pillar { get; }

    [JsonPropertyOrder(-1)]
    public string Level { get; }
}
