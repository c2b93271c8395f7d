using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>"Now" for one request and what is derived from it: the due-soon limit, working days left, categories.</summary>
public sealed class TaskClock(TimeProvider time, IWorkingDayCalendar calendar)
{
    public DateTimeOffset Now => Time.Now;

    /// <summary>The instant the categories of this request are taken at (<see cref="TaskCategories"/>).</summary>
    public CategoryTime Time { get; } = CategoryTime.At(time.GetUtcNow(), calendar);

    public IWorkingDayCalendar Calendar => calendar;

    /// <summary>The latest deadline that still counts as due soon: the end of the working day two working days from now.</summary>
    public DateTimeOffset DueSoonLimit => Time.DueSoonLimit;

    public int WorkingDaysLeft(DateTimeOffset dueAt) => calendar.WorkingDaysBetween(Now, dueAt);

    /// <summary>
    /// <see cref="WorkingDaysLeft"/> for many deadlines at once (a page of a list): the working days between today and
    /// the furthest deadline are looked up once, then each deadline's count is a difference of two running totals,
    /// instead of walking the calendar day by day for every row. The same answers as <see cref="WorkingDaysLeft"/>.
    /// </summary>
    public Func<DateTimeOffset, int> WorkingDaysLeftFor(IReadOnlyCollection<DateTimeOffset> dues)
    {
        if (dues.Count < 2)
        {
            return WorkingDaysLeft;
        }

        var today = VietnamTime.DateOf(Now);
        var first = today;
        var last = today;
        foreach (var due in dues)
        {
            var date = VietnamTime.DateOf(due);
            first = date < first ? date : first;
            last = date > last ? date : last;
        }

        var span = last.DayNumber - first.DayNumber;
        if (span > MaxTableDays)
        {
            // A far-off deadline among them: a table that long would cost more than it saves.
            return WorkingDaysLeft;
        }

        // upTo[i]: the working days in (first, first + i].
        var upTo = new int[span + 1];
        for (var i = 1; i <= span; i++)
        {
            upTo[i] = upTo[i - 1] + (calendar.IsWorkingDay(first.AddDays(i)) ? 1 : 0);
        }

        var fromToday = upTo[today.DayNumber - first.DayNumber];
        return due => upTo[VietnamTime.DateOf(due).DayNumber - first.DayNumber] - fromToday;
    }

    /// <summary>The longest span of days <see cref="WorkingDaysLeftFor"/> tabulates (about three years).</summary>
    private const int MaxTableDays = 1100;

    /// <summary>The government category, or null for a cancelled task (it counts in none).</summary>
    public string? CategoryOf(UnitTaskStatus status, DateTimeOffset dueAt, DateTimeOffset? completedAt) =>
        TaskCategories.Of(status, dueAt, completedAt, Now)?.ToString();

    public bool IsDueSoon(UnitTaskStatus status, DateTimeOffset dueAt) => TaskCategories.IsDueSoon(status, dueAt, Time);
}
