namespace DirectiveFlow.Infrastructure.Reports.Ranking;

/// <summary>The columns the ranking sorts by; each sorts "most behind first" unless told otherwise.</summary>
public enum UnitRankingSort
{
    /// <summary>Open overdue tasks, most first; then the on-time rate, lowest first.</summary>
    OpenOverdue = 1,

    /// <summary>The on-time rate, lowest first (units with nothing due yet last).</summary>
    OnTimeRate = 2,

    /// <summary>Tasks completed late, most first.</summary>
    CompletedLate = 3,

    /// <summary>The longest delay in working days, longest first.</summary>
    MaxDaysOverdue = 4,

    /// <summary>Tasks in a category, most first (the pages' "every column" sorts from here on).</summary>
    Total = 5,

    /// <summary>Tasks completed on time, fewest first.</summary>
    CompletedOnTime = 6,

    /// <summary>Open tasks within their deadline, most first.</summary>
    OpenWithinDeadline = 7,

    /// <summary>Times chased, most first.</summary>
    Chases = 8,

    /// <summary>The unit's name, A→Z (Vietnamese order).</summary>
    Unit = 9,

    /// <summary>The unit's pillar, in the order Đảng, HĐND, UBND, MTTQ.</summary>
    Pillar = 10,
}
