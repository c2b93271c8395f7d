using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar2026 = new(VietnamHolidays.For(2026));

    private static DateTimeOffset Local(int y, int m, int d, int h = 9) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Five_working_days_from_a_Monday_end_on_the_next_Monday_at_close_of_office()
    {
        var due = Calendar2026.AddWorkingDays(Local(2026, 3, 2), 5);
        Assert.Equal(Local(2026, 3, 9, 17), due);
    }

    [Fact]
    public void Tet_holidays_are_skipped()
    {
        // Friday 13/02/2026, two working days: the Tết break runs 14–22/02, so Tuesday 24/02.
        var due = Calendar2026.AddWorkingDays(Local(2026, 2, 13), 2);
        Assert.Equal(Local(2026, 2, 24, 17), due);
        Assert.False(Calendar2026.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void A_holiday_on_a_weekend_gives_the_next_working_day_off()
    {
        Assert.False(Calendar2026.IsWorkingDay(new DateOnly(2026, 4, 27)));
        var due = Calendar2026.AddWorkingDays(Local(2026, 4, 24), 1);
        Assert.Equal(Local(2026, 4, 28, 17), due);
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day()
    {
        var calendar = new WorkingDayCalendar(
        [
            new CalendarDay { Date = new DateOnly(2026, 1, 2), Kind = CalendarDayKind.Holiday, Name = "Nghỉ hoán đổi" },
            new CalendarDay { Date = new DateOnly(2026, 1, 10), Kind = CalendarDayKind.MakeUpWorkingDay, Name = "Làm bù" },
        ]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        // Friday 09/01, one working day later is the make-up Saturday 10/01.
        Assert.Equal(Local(2026, 1, 10, 17), calendar.AddWorkingDays(Local(2026, 1, 9), 1));
    }

    [Fact]
    public void Working_days_between_counts_forward_and_is_negative_when_overdue()
    {
        Assert.Equal(5, Calendar2026.WorkingDaysBetween(Local(2026, 3, 2), Local(2026, 3, 9, 17)));
        Assert.Equal(-5, Calendar2026.WorkingDaysBetween(Local(2026, 3, 9, 17), Local(2026, 3, 2)));
        Assert.Equal(0, Calendar2026.WorkingDaysBetween(Local(2026, 3, 2, 8), Local(2026, 3, 2, 17)));
    }

    [Fact]
    public void Zero_working_days_on_a_weekend_means_the_end_of_the_next_working_day()
    {
        Assert.Equal(Local(2026, 3, 9, 17), Calendar2026.AddWorkingDays(Local(2026, 3, 7), 0));
    }

    [Fact]
    public void A_late_evening_instant_in_UTC_is_counted_on_its_Vietnamese_date()
    {
        // 18:00 UTC on Sunday 01/03 is 01:00 on Monday 02/03 in Hà Nội.
        var due = Calendar2026.AddWorkingDays(new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), 1);
        Assert.Equal(Local(2026, 3, 3, 17), due);
    }
}
