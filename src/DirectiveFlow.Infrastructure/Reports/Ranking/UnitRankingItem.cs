namespace DirectiveFlow.Infrastructure.Reports.Ranking;

/// <summary>
/// One unit of the ranking, <see cref="Rank"/> its place in the whole sorted list (1 = most behind). The counts are
/// the categories of its tasks; <see cref="OnTimeRate"/> = completed on time ÷ tasks whose deadline is decided
/// (completed on time + completed late + open overdue), null while none is; <see cref="MaxDaysOverdue"/> = working days
/// past the deadline of its oldest open overdue task; <see cref="Chases"/> = reminders and escalations sent about its
/// tasks (<see cref="ChaseCounts"/>).
/// </summary>
public sealed record UnitRankingItem(
    int Rank, Guid UnitId, string UnitCode, string UnitName, string Pillar, string Level, string LocalityCode,
    int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue, double? OnTimeRate, int MaxDaysOverdue, int Chases)
{
    /// <summary>Whether the unit is behind, i.e. may be named among the slowest: it has open overdue tasks (not part of the API's row).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsBehind => OpenOverdue > 0;
}
