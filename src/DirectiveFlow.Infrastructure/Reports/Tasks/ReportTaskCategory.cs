namespace DirectiveFlow.Infrastructure.Reports.Tasks;

/// <summary>
/// The figures of the overview a task list can stand behind: the four categories of the government reports and the two
/// flags beside them (parts of the open categories). "Not yet reached" counts units without a task, so it has no task
/// list; its drill-down lists the gating tasks instead (<see cref="ListGatingTasksQuery"/>).
/// </summary>
public enum ReportTaskCategory
{
    CompletedOnTime = 1,
    CompletedLate = 2,
    OpenWithinDeadline = 3,
    OpenOverdue = 4,
    DueSoon = 5,
    NotAcknowledged = 6,
}
