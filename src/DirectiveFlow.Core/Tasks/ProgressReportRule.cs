using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// When a flow's reporting cadence has been missed. A daily report is missing once more than one working day has
/// passed since the last report (or, before any, since acknowledgement or assignment) — so yesterday's report
/// still covers today until the day ends; a weekly one once more than five working days have passed.
/// Only a task the unit is still working on can miss a report.
/// </summary>
public static class ProgressReportRule
{
    public static int? PeriodInWorkingDays(ProgressCadence cadence) => cadence switch
    {
        ProgressCadence.Daily => 1,
        ProgressCadence.Weekly => 5,
        _ => null,
    };

    public static bool IsMissing(UnitTask task, DateTimeOffset now, IWorkingDayCalendar calendar)
    {
        if (PeriodInWorkingDays(task.ProgressCadence) is not { } period
            || task.Status is not (UnitTaskStatus.Assigned or UnitTaskStatus.Acknowledged or UnitTaskStatus.InProgress or UnitTaskStatus.Returned))
        {
            return false;
        }

        var since = task.LastProgressAt ?? task.AcknowledgedAt ?? task.CreatedAt;
        return calendar.WorkingDaysBetween(since, now) > period;
    }
}
