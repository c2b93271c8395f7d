using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Web.Components.Overview;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>The overview's filters read from a query string and written into links; the trend's axis.</summary>
public sealed class OverviewQueryTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 5);

    [Theory]
    [InlineData("week", "2026-03-02", "2026-03-08")]
    [InlineData("month", "2026-03-01", "2026-03-31")]
    [InlineData("quarter", "2026-01-01", "2026-03-31")]
    public void A_period_is_the_current_week_month_or_quarter_in_whole_days(string period, string first, string last)
    {
        var query = OverviewQuery.Parse(period, null, null, null, null, null, null);

        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), query.Days(Thursday));
        var filter = query.ToFilter(Thursday, null);
        // Days in Hà Nội: from midnight of the first, up to (not including) midnight after the last.
        Assert.Equal(TimeSpan.FromHours(7), filter.From!.Value.Offset);
        Assert.Equal(filter.From.Value.AddDays(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).DayNumber + 1), filter.To);
    }

    /// <summary>Regression: the overview page answered 500 for to=31/12/9999 (its filter ends on the next day's start).</summary>
    [Fact]
    public void A_day_outside_the_years_2000_to_9998_is_left_out_like_any_day_the_page_cannot_use()
    {
        var query = OverviewQuery.Parse(null, "01/01/0001", "31/12/9999", null, null, null, null);

        Assert.Equal(OverviewPeriod.All, query.Period);
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), query.Days(Thursday));
        Assert.Null(query.ToFilter(Thursday, null).To);
    }

    [Fact]
    public void Days_typed_as_officials_write_them_make_a_custom_range_and_links_carry_them_as_iso_days()
    {
        var query = OverviewQuery.Parse(null, "31/03/2026", "1/3/2026", "committee", null, "Urgent", " 00070 ");

        Assert.Equal(OverviewPeriod.Custom, query.Period);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), query.Days(Thursday));
        Assert.Equal(Pillar.Committee, query.Pillar);
        Assert.Equal(
            "overview/tasks?period=custom&from=2026-03-01&to=2026-03-31&priority=Urgent&locality=00070&pillar=PARTY&category=OpenOverdue",
            query.Href("overview/tasks", ("pillar", "PARTY"), ("category", "OpenOverdue"), ("level", null)));
    }

    [Fact]
    public void Values_the_page_cannot_use_are_left_out_rather_than_refused()
    {
        var query = OverviewQuery.Parse("decade", "30/02/2026", "x", "ARMY", "not-a-guid", "7", "");

        Assert.Equal(OverviewQuery.None, query);
        Assert.False(query.Any);
        Assert.Equal("overview", query.Href("overview"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(12, 5)]
    [InlineData(41, 20)]
    [InlineData(504, 200)]
    public void The_trend_axis_rises_in_four_round_steps_above_the_largest_week(int largest, int step)
    {
        var weeks = new[] { new TrendWeek(new DateOnly(2026, 3, 2), largest, 0, 0, 0) };

        var chart = new TrendChartLayout(weeks, 960, 280);

        Assert.Equal(step, chart.Step);
        Assert.Equal(4 * step, chart.Max);
        Assert.True(chart.Max >= largest);
        Assert.Equal(chart.PlotBottom - chart.H(largest), chart.Y(largest), 6);
    }
}
