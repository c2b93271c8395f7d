using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// A directive of the overview's "most behind" list, counted inside the caller's scope: its tasks by category, the
/// lead units with a task past its deadline, and the earliest deadline still ahead.
/// </summary>
public sealed record DirectiveBehind(
    Guid Id, string Number, string Title, TaskCategoryCounts Counts, int OverdueUnits, DateTimeOffset? NextDueAt)
{
    /// <summary>Completed (on time or late) ÷ tasks, in percent, rounded down.</summary>
    public int DonePercent => Counts.Total == 0 ? 0 : (Counts.CompletedOnTime + Counts.CompletedLate) * 100 / Counts.Total;
}
