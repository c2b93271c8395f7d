using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Core.Tests.Tasks;

public sealed class ProgressReportRuleTests
{
    private static readonly WorkingDayCalendar Calendar = new(VietnamHolidays.For(2026));

    private static DateTimeOffset Local(int m, int d, int h = 9) => new(2026, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static UnitTask Task(ProgressCadence cadence, DateTimeOffset? lastReport, UnitTaskStatus status = UnitTaskStatus.InProgress) => new()
    {
        ActivityId = "a",
        Title = "t",
        Status = status,
        ProgressCadence = cadence,
        CreatedAt = Local(3, 2),
        LastProgressAt = lastReport,
    };

    [Fact]
    public void A_daily_report_from_yesterday_still_covers_today()
    {
        Assert.False(ProgressReportRule.IsMissing(Task(ProgressCadence.Daily, Local(3, 9)), Local(3, 10, 16), Calendar));
    }

    [Fact]
    public void A_daily_report_is_missing_after_a_whole_working_day_without_one()
    {
        Assert.True(ProgressReportRule.IsMissing(Task(ProgressCadence.Daily, Local(3, 9)), Local(3, 11), Calendar));
    }

    [Fact]
    public void A_weekend_does_not_make_a_daily_report_missing()
    {
        // Friday's report, read on Monday: one working day has passed.
        Assert.False(ProgressReportRule.IsMissing(Task(ProgressCadence.Daily, Local(3, 6)), Local(3, 9), Calendar));
    }

    [Fact]
    public void A_weekly_report_is_missing_after_more_than_five_working_days()
    {
        Assert.False(ProgressReportRule.IsMissing(Task(ProgressCadence.Weekly, Local(3, 2)), Local(3, 9), Calendar));
        Assert.True(ProgressReportRule.IsMissing(Task(ProgressCadence.Weekly, Local(3, 2)), Local(3, 10), Calendar));
    }

    [Fact]
    public void Without_a_cadence_or_once_reported_nothing_is_missing()
    {
        Assert.False(ProgressReportRule.IsMissing(Task(ProgressCadence.None, null), Local(6, 1), Calendar));
        Assert.False(ProgressReportRule.IsMissing(Task(ProgressCadence.Daily, null, UnitTaskStatus.Reported), Local(6, 1), Calendar));
    }
}
