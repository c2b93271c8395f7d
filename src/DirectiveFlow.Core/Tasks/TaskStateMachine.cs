namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// The lifecycle of a unit task: Assigned → Acknowledged → InProgress → Reported → Completed, with Returned (rework
/// after a review) and Cancelled. This class answers only "is this action legal in this state, and where does it
/// lead"; who may act is the access policy's question, and side effects are the command handlers'.
/// </summary>
/// <remarks>
/// Progress is reported only after acknowledging (Assigned must acknowledge first, so "received" is always on
/// record). Completing is allowed from Acknowledged, InProgress and Returned. A Reported task waits for its review:
/// the unit cannot change it until the assigner accepts or returns it. Extension requests may be made while the
/// unit is still working (not while Reported); decisions on an open request remain possible until the task closes.
/// </remarks>
public static class TaskStateMachine
{
    private static readonly UnitTaskStatus[] Working =
        [UnitTaskStatus.Acknowledged, UnitTaskStatus.InProgress, UnitTaskStatus.Returned];

    private static readonly UnitTaskStatus[] Open =
    [
        UnitTaskStatus.Assigned, UnitTaskStatus.Acknowledged, UnitTaskStatus.InProgress, UnitTaskStatus.Returned,
        UnitTaskStatus.Reported,
    ];

    private static readonly Dictionary<TaskAction, UnitTaskStatus[]> Rules = new()
    {
        [TaskAction.Acknowledge] = [UnitTaskStatus.Assigned],
        [TaskAction.Progress] = Working,
        [TaskAction.Complete] = Working,
        [TaskAction.Contribute] = [UnitTaskStatus.Assigned, .. Working],
        [TaskAction.RequestExtension] = [UnitTaskStatus.Assigned, .. Working],
        [TaskAction.DecideExtension] = Open,
        [TaskAction.Review] = [UnitTaskStatus.Reported],
        [TaskAction.Cancel] = Open,
    };

    /// <summary>Whether <paramref name="status"/> is neither Completed nor Cancelled.</summary>
    public static bool IsOpen(UnitTaskStatus status) => Open.Contains(status);

    public static bool IsAllowed(UnitTaskStatus status, TaskAction action) => Rules[action].Contains(status);

    /// <summary>The actions the state allows (before any check of who is asking), in a stable order.</summary>
    public static IReadOnlyList<TaskAction> AllowedIn(UnitTaskStatus status) =>
        Enum.GetValues<TaskAction>().Where(a => IsAllowed(status, a)).ToArray();

    public static IReadOnlyList<UnitTaskStatus> StatesAllowing(TaskAction action) => Rules[action];

    /// <summary>Throws <see cref="TaskTransitionException"/> unless <paramref name="action"/> is legal in <paramref name="status"/>.</summary>
    public static void EnsureAllowed(UnitTaskStatus status, TaskAction action)
    {
        if (!IsAllowed(status, action))
        {
            throw new TaskTransitionException(action, status);
        }
    }

    /// <summary>The state after a progress report: work has started (a returned task is being reworked).</summary>
    public static UnitTaskStatus AfterProgress(UnitTaskStatus status)
    {
        EnsureAllowed(status, TaskAction.Progress);
        return UnitTaskStatus.InProgress;
    }

    /// <summary>The state after the lead unit submits its result: Reported when a review follows, else Completed.</summary>
    public static UnitTaskStatus AfterComplete(UnitTaskStatus status, bool requiresReview)
    {
        EnsureAllowed(status, TaskAction.Complete);
        return requiresReview ? UnitTaskStatus.Reported : UnitTaskStatus.Completed;
    }

    /// <summary>The state after a review: Completed when accepted, Returned (the unit works again) otherwise.</summary>
    public static UnitTaskStatus AfterReview(UnitTaskStatus status, bool accepted)
    {
        EnsureAllowed(status, TaskAction.Review);
        return accepted ? UnitTaskStatus.Completed : UnitTaskStatus.Returned;
    }

    public static UnitTaskStatus AfterAcknowledge(UnitTaskStatus status)
    {
        EnsureAllowed(status, TaskAction.Acknowledge);
        return UnitTaskStatus.Acknowledged;
    }

    public static UnitTaskStatus AfterCancel(UnitTaskStatus status)
    {
        EnsureAllowed(status, TaskAction.Cancel);
        return UnitTaskStatus.Cancelled;
    }
}
