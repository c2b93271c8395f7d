using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>Counts of a directive's tasks per government category (cancelled tasks count in none, nor in the total).</summary>
public sealed record DirectiveProgress(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue, int NotAcknowledged)
{
    public static DirectiveProgress Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public static DirectiveProgress From(TaskCategoryCounts c) => new(c.Total, c.CompletedOnTime, c.CompletedLate, c.OpenWithinDeadline, c.OpenOverdue, c.NotAcknowledged);

    public DirectiveProgress Add(DirectiveProgress other) => new(
        Total + other.Total, CompletedOnTime + other.CompletedOnTime, CompletedLate + other.CompletedLate,
        OpenWithinDeadline + other.OpenWithinDeadline, OpenOverdue + other.OpenOverdue, NotAcknowledged + other.NotAcknowledged);
}
