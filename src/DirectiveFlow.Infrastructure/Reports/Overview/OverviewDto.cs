namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>The leadership overview at <see cref="AsOf"/>: totals, per pillar, per pillar and level, and the 12-week trend.</summary>
public sealed record OverviewDto(
    DateTimeOffset AsOf,
    ReportCounts Totals,
    IReadOnlyList<PillarReportCounts> ByPillar,
    IReadOnlyList<PillarLevelReportCounts> ByPillarAndLevel,
    IReadOnlyList<TrendWeek> Trend);
