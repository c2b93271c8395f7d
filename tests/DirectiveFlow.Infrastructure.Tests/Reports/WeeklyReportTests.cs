using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;

namespace DirectiveFlow.Infrastructure.Tests.Reports;

/// <summary>The weekly report: its weeks, its header, and its figures against the overview's on the mixed data set.</summary>
public sealed class WeeklyReportTests
{
    [Fact]
    public void An_ISO_week_runs_Monday_to_Sunday_in_Hanoi_time_and_parses_only_weeks_the_year_has()
    {
        Assert.True(IsoWeek.TryParse("2026-W01", out var first));
        Assert.Equal(new DateOnly(2025, 12, 29), first.Monday);
        Assert.Equal(new DateTimeOffset(2025, 12, 29, 0, 0, 0, TimeSpan.FromHours(7)), first.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(7)), first.End);
        Assert.True(IsoWeek.TryParse("2026-w53", out var last));
        Assert.Equal("2026-W53", last.ToString());
        Assert.Equal(new IsoWeek(2027, 1), IsoWeek.Of(new DateTimeOffset(2027, 1, 3, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new IsoWeek(2026, 52), new IsoWeek(2026, 53).Previous);
        Assert.All(new[] { "2027-W53", "2026-W00", "2026-49", "W49", "", null }, text => Assert.False(IsoWeek.TryParse(text, out _)));
    }

    [Fact]
    public void The_files_name_every_level_and_pillar_and_the_week_in_Vietnamese_never_by_code()
    {
        // Regression: a national unit's "Cấp" read "national" in the workbook, and its "Tuần" read "2026-W49".
        Assert.Equal("Trung ương", WeeklyReportText.Level(UnitVocabulary.NameOf(UnitLevel.National)));
        Assert.All(Enum.GetValues<UnitLevel>(), l => Assert.NotEqual(UnitVocabulary.NameOf(l), WeeklyReportText.Level(UnitVocabulary.NameOf(l))));
        Assert.All(Enum.GetValues<Pillar>(), p => Assert.NotEqual(OrgUnit.PillarCode(p), WeeklyReportText.Pillar(OrgUnit.PillarCode(p))));
        Assert.Equal("49/2026", WeeklyReportText.Week(new IsoWeek(2026, 49)));
        Assert.Equal("1/2027", WeeklyReportText.Week(IsoWeek.Of(new DateOnly(2027, 1, 4))));
    }

    [Fact]
    public void A_finished_weeks_trend_ends_with_that_week_not_an_empty_week_after_it()
    {
        // Regression: the end of week 17 (Monday 27/04/2026 00:00, exclusive) made week 18 the trend's last week, cut at
        // its own start, so a past week's report said 0 assigned and 0 completed "this week".
        var weeks = TrendReader.WeeksUpTo(new IsoWeek(2026, 17).End);

        Assert.Equal(TrendReader.Weeks, weeks.Count);
        Assert.Equal(new DateOnly(2026, 4, 20), weeks[^1].Monday);
        Assert.Equal(new IsoWeek(2026, 17).End, weeks[^1].Cut);
        Assert.Equal(new DateOnly(2026, 2, 2), weeks[0].Monday);

        // An end inside a week still cuts that week at it.
        var now = new DateTimeOffset(2026, 4, 22, 10, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal((new DateOnly(2026, 4, 20), now), (TrendReader.WeeksUpTo(now)[^1].Monday, TrendReader.WeeksUpTo(now)[^1].Cut));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_headers_follow_the_body_and_its_figures_are_the_overviews(string provider)
    {
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;
        var options = new OrganisationOptions();
        await using (var db = host.Context())
        {
            Assert.Equal(new ReportBody("party", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY", "Hà Nội"),
                await ReportBodies.ForAsync(db, await host.UnitIdAsync("01-PARTY"), options, EngineHost.Cancel));
            Assert.Equal(new ReportBody("party", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG ỦY BA ĐÌNH", "Ba Đình"),
                await ReportBodies.ForAsync(db, await host.UnitIdAsync("00004-PARTY"), options, EngineHost.Cancel));
            Assert.Equal(new ReportBody("state", null, "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI", "Hà Nội"),
                await ReportBodies.ForAsync(db, await host.UnitIdAsync("01-FRONT"), options, EngineHost.Cancel));
            Assert.Equal(new ReportBody("state", null, "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Hà Nội"),
                await ReportBodies.ForAsync(db, await host.UnitIdAsync("01-COUNCIL"), options, EngineHost.Cancel));
        }

        var week = IsoWeek.Of(host.Clock.GetUtcNow());
        var report = await host.QueryAsync(new GetWeeklyReportQuery(ReportScope.Everything, week, null));
        var overview = await host.QueryAsync(new GetOverviewQuery(ReportScope.Everything, ReportFilter.None));

        Assert.Equal(overview.Totals, report.Totals);
        Assert.Equal(overview.Trend[^1], report.ThisWeek);
        Assert.Equal(report.Totals.OpenOverdue, report.Overdue.Total);
        Assert.Equal(report.Overdue.Total, report.Overdue.Items.Count);
        Assert.Equal(report.ThisWeek.CompletedOnTime + report.ThisWeek.CompletedLate, report.Completed.Total);
        Assert.Equal(report.ThisWeek.CompletedLate, report.Completed.Items.Count(t => !t.OnTime));
        Assert.Equal(report.Totals.NotYetReached, report.NotReached.Items.Sum(w => w.UnitsWaiting));
        Assert.Equal("Kết luận số 15-KL/TU", report.NotReached.Items[0].DirectiveNumber);
        Assert.True(report.Overdue.Items.Zip(report.Overdue.Items.Skip(1)).All(p => p.First.DaysOverdue >= p.Second.DaysOverdue));
        Assert.Equal(2, report.Overdue.Items.Single(t => t.TaskId == world.ChasedTask).Chases);
        Assert.Equal(new ReportBody("state", null, "HỆ THỐNG THEO DÕI NHIỆM VỤ", "Hà Nội"), report.Body);

        // A week that ended before any directive was issued counts none of them.
        var before = await host.QueryAsync(new GetWeeklyReportQuery(ReportScope.Everything, week.Previous, null));
        Assert.Equal(ReportCounts.Empty, before.Totals);
        Assert.Empty(before.Overdue.Items);
    }
}
