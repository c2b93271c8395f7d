using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>Deadlines from a <see cref="DeadlineSpec"/> through the working-day calendar, and the first reminder time.</summary>
public sealed class DeadlineCalculator(IWorkingDayCalendar calendar)
{
    /// <summary>Used when a flow gives no deadline (the validator refuses that for UnitTasks).</summary>
    public const int DefaultWorkingDays = 5;

    private static readonly TimeOnly RemindersAt = new(8, 0);

    /// <summary>The deadline for work set at <paramref name="from"/>.</summary>
    public DateTimeOffset DueAt(DeadlineSpec? deadline, JsonObject inputs, DateTimeOffset from)
    {
        try
        {
            return deadline?.ComputeDue(from, calendar, inputs) ?? calendar.AddWorkingDays(from, DefaultWorkingDays);
        }
        catch (InvalidOperationException e)
        {
            throw new FlowFaultException(new ErrorMessage(ErrorCodes.DeadlineInvalid, e is DeadlineInputException input ? input.Problem : e.Message));
        }
    }

    /// <summary>
    /// An item's own deadline for work set at <paramref name="from"/>: 17:00 (Hà Nội) of its date, or its working days
    /// from then; null when it sets none (periodic, or left to the flow).
    /// </summary>
    public DateTimeOffset? ItemDueAt(DirectiveItem item, DateTimeOffset from) =>
        item.DeadlineDate is { } date ? DirectiveDocument.DeadlineInstant(date)
        : item.DeadlineDays is { } days ? calendar.AddWorkingDays(from, days)
        : null;

    /// <summary>
    /// <paramref name="due"/>, or the directive's overall deadline when it comes earlier: no task is due after the
    /// directive (a working-days input known at issue is refused up front instead, by the issuing command).
    /// </summary>
    public static DateTimeOffset Capped(DateTimeOffset due, DateTimeOffset? directiveDeadline) =>
        directiveDeadline is { } limit && due > limit ? limit : due;

    /// <summary>
    /// When the due-work sweep should first look at a task assigned at <paramref name="now"/>, due at
    /// <paramref name="dueAt"/>: the earliest reminder (08:00 on the working day N working days before the due day)
    /// still ahead of <paramref name="now"/>, else the deadline — or the not-acknowledged reminder, when earlier.
    /// </summary>
    public DateTimeOffset FirstActionAt(TaskPolicy policy, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var acknowledge = policy.Acknowledge.RemindAt(now, calendar);
        foreach (var before in policy.Reminders.BeforeWorkingDays.Where(d => d > 0).OrderDescending())
        {
            var at = VietnamTime.At(WorkingDaysBefore(VietnamTime.DateOf(dueAt), before), RemindersAt);
            if (at > now)
            {
                return at < acknowledge ? at : acknowledge;
            }
        }

        return dueAt < acknowledge ? dueAt : acknowledge;
    }

    private DateOnly WorkingDaysBefore(DateOnly due, int count)
    {
        var date = due;
        while (count > 0)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                count--;
            }
        }

        return date;
    }
}
