using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>
/// The figures of a leadership view: the task categories of <see cref="TaskCategoryCounts"/> (Total = the four
/// categories; due soon and not acknowledged are parts of the open ones) and <see cref="NotYetReached"/> — units that
/// have no task yet because an upstream task gating their cascade is still open (see <c>NotReachedItem</c>), counted
/// with the upstream unit, never in <see cref="Total"/>.
/// </summary>
public record ReportCounts(
    int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue, int DueSoon, int NotAcknowledged, int NotYetReached)
{
    public static ReportCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static ReportCounts From(TaskCategoryCounts c, int notYetReached = 0) => new(
        c.Total, c.CompletedOnTime, c.CompletedLate, c.OpenWithinDeadline, c.OpenOverdue, c.DueSoon, c.NotAcknowledged, notYetReached);

    public ReportCounts Add(ReportCounts other) => new(
        Total + other.Total, CompletedOnTime + other.CompletedOnTime, CompletedLate + other.CompletedLate,
        OpenWithinDeadline + other.OpenWithinDeadline, OpenOverdue + other.OpenOverdue, DueSoon + other.DueSoon,
        NotAcknowledged + other.NotAcknowledged, NotYetReached + other.NotYetReached);

    public static ReportCounts Sum(IEnumerable<ReportCounts> counts) => counts.Aggregate(Empty, (sum, c) => sum.Add(c));
}
