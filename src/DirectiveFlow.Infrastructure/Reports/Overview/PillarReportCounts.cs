using System.Text.Json.Serialization;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>The figures of one pillar ("PARTY", "COUNCIL", "COMMITTEE", "FRONT").</summary>
public sealed record PillarReportCounts : ReportCounts
{
    public PillarReportCounts(string pillar, ReportCounts counts)
        : base(counts)
    {
        Pillar = pillar;
    }

    [JsonPropertyOrder(-1)]
    public string Pillar { get; }
}
