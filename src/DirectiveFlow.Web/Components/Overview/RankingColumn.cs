using DirectiveFlow.Infrastructure.Reports.Ranking;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>A figure column of the ranking: its heading, the sort it stands for, and whether the compact table shows it.</summary>
public sealed record RankingColumn(string LabelKey, UnitRankingSort Sort, bool Compact, Func<UnitRankingItem, int> Count, string? ShortKey = null)
{
    public static IReadOnlyList<RankingColumn> Counts { get; } =
    [
        new("Common.Total", UnitRankingSort.Total, false, u => u.Total),
        new("TaskCategory.CompletedOnTime", UnitRankingSort.CompletedOnTime, false, u => u.CompletedOnTime),
        new("TaskCategory.CompletedLate", UnitRankingSort.CompletedLate, false, u => u.CompletedLate),
        new("TaskCategory.OpenWithinDeadline", UnitRankingSort.OpenWithinDeadline, false, u => u.OpenWithinDeadline),
        new("TaskCategory.OpenOverdue", UnitRankingSort.OpenOverdue, true, u => u.OpenOverdue, "Col.OverdueShort"),
    ];

    /// <summary>The drill-down category of a count column (null for the total).</summary>
    public string? Category => Sort switch
    {
        UnitRankingSort.Total => null,
        _ => Sort.ToString(),
    };
}
