namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// How many tasks fall in each category of <see cref="TaskCategories"/>. <see cref="Total"/> counts the tasks in a
/// category (every task but the cancelled), so it is the sum of the four categories; <see cref="DueSoon"/> is part of
/// <see cref="OpenWithinDeadline"/>, and <see cref="NotAcknowledged"/> part of the two open categories.
/// </summary>
public sealed record TaskCategoryCounts(
    int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue, int DueSoon, int NotAcknowledged)
{
    public static TaskCategoryCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public TaskCategoryCounts Add(TaskCategoryCounts other) => new(
        Total + other.Total, CompletedOnTime + other.CompletedOnTime, CompletedLate + other.CompletedLate,
        OpenWithinDeadline + other.OpenWithinDeadline, OpenOverdue + other.OpenOverdue, DueSoon + other.DueSoon,
        NotAcknowledged + other.NotAcknowledged);

    /// <summary>The sum of <paramref name="counts"/>.</summary>
    public static TaskCategoryCounts Sum(IEnumerable<TaskCategoryCounts> counts) => counts.Aggregate(Empty, (sum, c) => sum.Add(c));
}
