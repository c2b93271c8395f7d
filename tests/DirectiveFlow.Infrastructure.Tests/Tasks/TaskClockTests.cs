using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>A page's working days left, tabulated once, are the very counts the calendar gives deadline by deadline.</summary>
public sealed class TaskClockTests
{
    private static readonly WorkingDayCalendar Calendar = new(VietnamHolidays.For(2026).Concat(VietnamHolidays.For(2027)));

    [Theory]
    // A Monday morning, a Saturday evening (not a working day), and the eve of Tết 2027 (holidays and make-up days around it).
    [InlineData("2026-03-02T09:00:00+07:00")]
    [InlineData("2026-03-07T20:30:00+07:00")]
    [InlineData("2027-02-04T16:59:00+07:00")]
    public void Working_days_left_for_a_page_are_the_calendar_s_count_for_each_deadline(string now)
    {
        var clock = new TaskClock(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)), Calendar);
        // Every deadline from 80 days before to 80 days after, at the close of the day and just after local midnight
        // (UTC the day before), the way a page's deadlines spread around now.
        var dues = Enumerable.Range(-80, 161)
            .SelectMany(d => new[] { Calendar.EndOf(VietnamTime.DateOf(clock.Now).AddDays(d)), VietnamTime.At(VietnamTime.DateOf(clock.Now).AddDays(d), new TimeOnly(0, 30)) })
            .ToList();

        var left = clock.WorkingDaysLeftFor(dues);

        Assert.Equal(dues.Select(clock.WorkingDaysLeft), dues.Select(left));
        Assert.Contains(dues, d => clock.WorkingDaysLeft(d) < -40);
        Assert.Contains(dues, d => clock.WorkingDaysLeft(d) > 40);
    }

    [Fact]
    public void A_deadline_years_away_or_a_single_row_is_counted_as_the_calendar_counts_it()
    {
        var clock = new TaskClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))), Calendar);
        IReadOnlyCollection<DateTimeOffset>[] pages =
        [
            [clock.Now.AddYears(5), clock.Now.AddDays(3), clock.Now.AddDays(-4)],
            [clock.Now.AddDays(12)],
            [],
        ];

        foreach (var dues in pages)
        {
            var left = clock.WorkingDaysLeftFor(dues);
            Assert.Equal(dues.Select(clock.WorkingDaysLeft), dues.Select(left));
        }

        Assert.Equal(9, clock.WorkingDaysLeftFor([clock.Now.AddDays(12), clock.Now])(clock.Now.AddDays(12)));
    }
}
