namespace DirectiveFlow.Core.Calendar;

/// <summary>Working-day arithmetic in Asia/Ho_Chi_Minh: weekends, holidays and make-up days as data.</summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The end of the working day that lies <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays);

    /// <summary>Working days left from <paramref name="now"/> until <paramref name="due"/>; negative when overdue.</summary>
    int WorkingDaysBetween(DateTimeOffset now, DateTimeOffset due);
}
