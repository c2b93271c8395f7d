namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>Task counts of one activity in a running directive, by government reporting category.</summary>
/// <remarks><see cref="AwaitingReview"/> counts open tasks the unit has reported, waiting for the assigner's review.</remarks>
public sealed record ActivityCounts(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue, int AwaitingReview = 0)
{
    public int Completed => CompletedOnTime + CompletedLate;
}
