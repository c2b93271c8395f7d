namespace DirectiveFlow.Core.Tasks;

/// <summary>The government reporting categories, derived from dates and state, never stored.</summary>
public enum TaskCategory
{
    /// <summary>hoàn thành đúng hạn</summary>
    CompletedOnTime = 1,

    /// <summary>hoàn thành quá hạn</summary>
    CompletedLate = 2,

    /// <summary>chưa hoàn thành, trong hạn</summary>
    OpenWithinDeadline = 3,

    /// <summary>quá hạn chưa hoàn thành</summary>
    OpenOverdue = 4,
}
