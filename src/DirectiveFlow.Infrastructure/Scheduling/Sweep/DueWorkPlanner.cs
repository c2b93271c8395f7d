using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Decides, for one task at one instant, which scheduled effects are due and when to look again. Pure: the same
/// task, policy, instant and calendar always give the same decision, which is what makes re-runs harmless.
/// <list type="bullet">
/// <item>Reminders (N working days before) and the due-day notice fire at 08:00 local; they inform about a coming
/// deadline, so only the latest one due is sent, and none once the deadline has passed or from before the task existed.</item>
/// <item>Not acknowledged (<see cref="AcknowledgePolicy"/>): a task still Assigned N working days after it was
/// created reminds its unit (before the deadline only); M working days later, if the ladder has not begun and the task was
/// never chased, the ladder's first recipient is told it was never acknowledged — the task's first chase (a task
/// already chased does not get it, so it is counted once). Acknowledging ends both.</item>
/// <item>Escalation levels fire at the deadline + N working days (end of that working day). Every level passed
/// moves the task (<c>EscalationLevel</c>) and counts as a chase, mailed or not, so the raise rule reads the ladder
/// as the policy wrote it whatever the downtime. But a catch-up (several steps passed at once, after downtime or a
/// clock jump) mails per recipient only the highest step passed; the lower ones are <see cref="SweepDecision.Skipped"/>
/// (journaled, not mailed). The not-acknowledged escalation and the raise notice take part as the ladder's first and
/// last rungs.</item>
/// <item>A task chased more than <see cref="EscalationPolicy.RaiseAfterChases"/> times is raised to the issuing leadership.</item>
/// <item>A step marked <see cref="EscalationStep.Immediate"/> writes its recipient as <see cref="RecipientRoles.Immediate"/>.</item>
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
            return new SweepDecision([], null, task.ChaseCount, task.EscalationLevel, task.IsRaised, []);
        }

        var version = task.DueAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var chased = task.Status != UnitTaskStatus.Reported;
        var effects = new List<DueEffect>();
        var future = new List<DateTimeOffset>();

        // Pre-deadline notices: the latest one due wins.
        var notices = Notices(task, policy.Reminders, calendar, version).Where(n => n.FireAt < task.DueAt && n.FireAt >= task.CreatedAt).ToList();
        future.AddRange(notices.Where(n => n.FireAt > now).Select(n => n.FireAt));
        if (chased && now < task.DueAt && notices.Where(n => n.FireAt <= now).MaxBy(n => n.FireAt) is { } notice)
        {
            effects.Add(notice);
        }

        var level = task.EscalationLevel;
        var chases = task.ChaseCount;
        var raised = task.IsRaised;
        var steps = policy.Escalation.Steps;
        // The rungs passed in this sweep, lowest first; per recipient only the last is mailed.
        var passed = new List<DueEffect>();
        if (task.Status == UnitTaskStatus.Assigned)
        {
            var firstStepAt = steps.Count == 0 ? task.DueAt : FireAt(task, steps[0], calendar);
            var (reminder, escalation) = NotAcknowledged(task, policy, firstStepAt, now, calendar, version, future);
            if (reminder is not null)
            {
                effects.Add(reminder);
            }

            if (escalation is not null)
            {
                passed.Add(escalation);
                chases++;
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var fireAt = FireAt(task, step, calendar);
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

            passed.Add(new DueEffect(DueEffectKind.Escalation, stepLevel, fireAt, Role(step), $"escalation:{stepLevel}:{version}"));
            level = stepLevel;
            chases++;
            raised |= step.Raise;
        }

        if (!raised && chases > policy.Escalation.RaiseAfterChases)
        {
            raised = true;
            passed.Add(new DueEffect(DueEffectKind.Raised, level, now, RecipientRoles.IssuerLeadership, $"raised:{version}"));
        }

        var skipped = CatchUp(passed);
        effects.AddRange(passed.Except(skipped));

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
        return new SweepDecision(effects, next, chases, level, raised, skipped);
    }

    /// <summary>
    /// The not-acknowledged reminder due now (to the unit, before the deadline) and the not-acknowledged escalation
    /// passed now (to the ladder's first recipient: only before the ladder's first step, for a task never chased);
    /// adds the times still ahead to <paramref name="future"/>.
    /// </summary>
    private static (DueEffect? Reminder, DueEffect? Escalation) NotAcknowledged(
        SweepTask task, TaskPolicy policy, DateTimeOffset firstStepAt, DateTimeOffset now, IWorkingDayCalendar calendar, string version,
        List<DateTimeOffset> future)
    {
        var acknowledge = policy.Acknowledge;
        DueEffect? reminder = null;
        var remindAt = acknowledge.RemindAt(task.CreatedAt, calendar);
        if (remindAt < task.DueAt)
        {
            if (remindAt > now)
            {
                future.Add(remindAt);
            }
            else if (now < task.DueAt)
            {
                reminder = new DueEffect(DueEffectKind.NotAcknowledged, acknowledge.RemindAfterWorkingDays, remindAt, "unit",
                    DueEffect.NotAcknowledgedKey + version);
            }
        }

        DueEffect? escalation = null;
        var escalateAt = acknowledge.EscalateAt(task.CreatedAt, calendar);
        if (escalateAt < firstStepAt && task.EscalationLevel == 0 && task.ChaseCount == 0)
        {
            if (escalateAt > now)
            {
                future.Add(escalateAt);
            }
            else
            {
                var first = policy.Escalation.Steps.Count > 0 ? policy.Escalation.Steps[0] : new EscalationStep(0, EscalationTargets.UnitHead);
                escalation = new DueEffect(DueEffectKind.NotAcknowledgedEscalation,
                    acknowledge.RemindAfterWorkingDays + acknowledge.EscalateAfterWorkingDays, escalateAt, Role(first),
                    DueEffect.NotAcknowledgedEscalationKey + version);
            }
        }

        return (reminder, escalation);
    }

    /// <summary>Of the rungs passed (lowest first), those not mailed: every one but the last to the same recipient.</summary>
    private static List<DueEffect> CatchUp(List<DueEffect> passed)
    {
        var last = passed.GroupBy(e => e.PlainRole).Select(g => g.Last()).ToHashSet();
        return passed.Where(e => !last.Contains(e)).ToList();
    }

    private static DateTimeOffset FireAt(SweepTask task, EscalationStep step, IWorkingDayCalendar calendar) =>
        step.AfterWorkingDays == 0 ? task.DueAt : calendar.AddWorkingDays(task.DueAt, step.AfterWorkingDays);

    private static string Role(EscalationStep step) => step.Immediate ? RecipientRoles.Immediate(step.To) : step.To;

    private static IEnumerable<DueEffect> Notices(SweepTask task, ReminderPolicy reminders, IWorkingDayCalendar calendar, string version)
    {
        var dueDate = VietnamTime.DateOf(task.DueAt);
        foreach (var days in reminders.BeforeWorkingDays)
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
