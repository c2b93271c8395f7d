namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// Properties of an activity that counts a deadline (a task's, a cascade's completion, a delay). A flow's deadline inputs
/// (<c>{"input": "deadlineDays"}</c>) are found through it, so a new activity with a deadline needs nothing elsewhere.
/// </summary>
public interface IHasDeadline
{
    /// <summary>The deadline the activity counts, or null when it has none.</summary>
    DeadlineSpec? CountedDeadline { get; }
}
