namespace DirectiveFlow.Core.Calendar;

/// <summary>
/// Working-day arithmetic over a weekly pattern (Saturday and Sunday off for state bodies) and per-year exceptions
/// (<see cref="CalendarDay"/>: holidays and make-up working days), in Asia/Ho_Chi_Minh.
/// A deadline of N working days ends at the close of the Nth working day after the day it was set.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    /// <summary>Office hours end; "end of the working day" is this local time.</summary>
    public static readonly TimeOnly DefaultEndOfDay = new(17, 0);

    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingDayCalendar(IEnumerable<CalendarDay> exceptions, TimeOnly? endOfDay = null)
    {
        _exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);
        EndOfDay = endOfDay ?? DefaultEndOfDay;
    }

    public TimeOnly EndOfDay { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.MakeUpWorkingDay;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = VietnamTime.DateOf(from);
        if (workingDays == 0)
        {
            // "Same day": the end of today if it is a working day, else of the next one.
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return EndOf(date);
        }

        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return EndOf(date);
    }

    public int WorkingDaysBetween(DateTimeOffset now, DateTimeOffset due)
    {
        var start = VietnamTime.DateOf(now);
        var end = VietnamTime.DateOf(due);
        if (start == end)
        {
            return 0;
        }

        var sign = end > start ? 1 : -1;
        var (from, to) = sign > 0 ? (start, end) : (end, start);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return sign * count;
    }

    /// <summary>The close of office hours on <paramref name="date"/>, local time.</summary>
    public DateTimeOffset EndOf(DateOnly date) => VietnamTime.At(date, EndOfDay);
}
