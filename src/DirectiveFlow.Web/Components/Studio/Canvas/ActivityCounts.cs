namespace DirectiveFlow.Web.Components.Studio.Canvas;

/// <summary>Task counts of one activity in a running directive, by government reporting category.</summary>
public sealed record ActivityCounts(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue)
{
    public int Completed => CompletedOnTime + CompletedLate;
}
