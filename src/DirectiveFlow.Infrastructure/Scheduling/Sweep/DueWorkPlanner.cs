using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Decides, for one task at one instant, which scheduled effects are due and when to look again. Pure: the same
/// task, policy, instant and calendar always give the same decision, which is what makes re-runs harmless.
/// <list type="bullet">
/// <item>Reminders (N working days before) and the due-day notice fire at 08:00 local; they inform about a coming
/// deadline, so only the latest one due is sent, and none once the deadline has passed or from before the task existed.</item>
/// <item>Escalation levels fire at the deadline + N working days (end of that working day); every level not yet
/// reached is sent once, so after downtime each missed level goes out once. Each level counts as a chase.</item>
/// <item>A task chased more than <see cref="TaskPolicy.RaiseAfterChases"/> times is raised to the issuing leadership.</item>
/// <item>With a progress cadence, a report missing for 1 (daily) or 5 (weekly) working days sends one notice per gap.</item>
/// </list>
/// A task awaiting review (Reported) is not chased; completed and cancelled tasks leave the schedule.
/// </summary>
public static class DueWorkPlanner
{
    public static readonly TimeOnly NoticeTime = new(8, 0);

    public static SweepDecision Plan(SweepTask task, TaskPolicy policy, DateTimeOffset now, IWorkingDayCalendar calendar)
    {
        if (task.Status is UnitTaskStatus.Completed or UnitTaskStatus.Cancelled)
        {
            return new SweepDecision([], null, task.ChaseCount, task.EscalationLevel, task.IsRaised);
        }

        var version = task.DueAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var chased = task.Status != UnitTaskStatus.Reported;
        var effects = new List<DueEffect>();
        var future = new List<DateTimeOffset>();

        // Pre-deadline notices: the latest one due wins.
        var notices = Notices(task, policy, calendar, version).Where(n => n.FireAt < task.DueAt && n.FireAt >= task.CreatedAt).ToList();
        future.AddRange(notices.Where(n => n.FireAt > now).Select(n => n.FireAt));
        if (chased && now < task.DueAt && notices.Where(n => n.FireAt <= now).MaxBy(n => n.FireAt) is { } notice)
        {
            effects.Add(notice);
        }

        var level = task.EscalationLevel;
        var chases = task.ChaseCount;
        var raised = task.IsRaised;
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            var step = policy.Steps[i];
            var fireAt = step.AfterWorkingDays == 0 ? task.DueAt : calendar.AddWorkingDays(task.DueAt, step.AfterWorkingDays);
            var stepLevel = i + 1;
            if (stepLevel <= level)
            {
                continue;
            }

            if (fireAt > now)
            {
                future.Add(fireAt);
                continue;
            }

            if (!chased)
            {
                // Awaiting review: the levels wait; whoever returns the task sets NextActionAt so they are sent then.
                continue;
            }

            effects.Add(new DueEffect(DueEffectKind.Escalation, stepLevel, fireAt, step.To, $"escalation:{stepLevel}:{version}"));
            level = stepLevel;
            chases++;
            raised |= step.Raise;
        }

        if (!raised && chases > policy.RaiseAfterChases)
        {
            raised = true;
            effects.Add(new DueEffect(DueEffectKind.Raised, level, now, EscalationStep.IssuerLeadership, $"raised:{version}"));
        }

        if (chased && ProgressExpectedAt(task, calendar) is { } expected)
        {
            if (expected <= now)
            {
                var day = VietnamTime.DateOf(expected).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                effects.Add(new DueEffect(DueEffectKind.ProgressMissing, 0, expected, "unit", $"progress:{day}"));
                future.Add(calendar.AddWorkingDays(now, 1));
            }
            else
            {
                future.Add(expected);
            }
        }

        DateTimeOffset? next = future.Count == 0 ? null : future.Min();
        return new SweepDecision(effects, next, chases, level, raised);
    }

    private static IEnumerable<DueEffect> Notices(SweepTask task, TaskPolicy policy, IWorkingDayCalendar calendar, string version)
    {
        var dueDate = VietnamTime.DateOf(task.DueAt);
        foreach (var days in policy.ReminderDays)
        {
            yield return new DueEffect(DueEffectKind.Reminder, days, VietnamTime.At(WorkingDaysBefore(dueDate, days, calendar), NoticeTime),
                "unit", $"reminder:{days}:{version}");
        }

        var dueNotice = VietnamTime.At(dueDate, NoticeTime);
        yield return new DueEffect(DueEffectKind.DueToday, 0, dueNotice < task.DueAt ? dueNotice : task.DueAt.AddHours(-1),
            "unit", $"due:{version}");
    }

    private static DateOnly WorkingDaysBefore(DateOnly date, int workingDays, IWorkingDayCalendar calendar)
    {
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    private static DateTimeOffset? ProgressExpectedAt(SweepTask task, IWorkingDayCalendar calendar)
    {
        if (task.ProgressCadence == ProgressCadence.None || task.Status == UnitTaskStatus.Reported)
        {
            return null;
        }

        var last = task.LastProgressAt ?? task.AcknowledgedAt ?? task.CreatedAt;
        return calendar.AddWorkingDays(last, task.ProgressCadence == ProgressCadence.Daily ? 1 : 5);
    }
}
