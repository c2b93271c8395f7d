namespace DirectiveFlow.Core.Tasks;

/// <summary>The lifecycle of a unit task. Reported means the lead unit has submitted its result for review.</summary>
public enum UnitTaskStatus
{
    Assigned = 1,
    Acknowledged = 2,
    InProgress = 3,
    Reported = 4,
    Completed = 5,
    Returned = 6,
    Cancelled = 7,
}
