using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Reports;

/// <summary>Every number agrees: the overview, the directive pages, the ranking and the in-memory definition, on one data set.</summary>
public sealed class ReportConsistencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_overview_totals_equal_the_sum_of_the_directive_pages_and_of_the_ranked_units(string provider)
    {
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;

        var overview = await host.QueryAsync(new GetOverviewQuery(ReportScope.Everything, ReportFilter.None));
        var pages = DirectiveProgress.Empty;
        foreach (var id in world.Directives)
        {
            pages = pages.Add((await host.QueryAsync(new GetDirectiveQuery(id)))!.Progress);
        }

        var ranking = await host.QueryAsync(new ListUnitRankingQuery(ReportScope.Everything, ReportFilter.None, PageRequest.From(1, 500), Level: null));
        var ranked = ranking.Items.Aggregate(DirectiveProgress.Empty, (sum, u) =>
            sum.Add(new DirectiveProgress(u.Total, u.CompletedOnTime, u.CompletedLate, u.OpenWithinDeadline, u.OpenOverdue, NotAcknowledged: 0)));

        var t = overview.Totals;
        Assert.Equal(new ReportCounts(15, CompletedOnTime: 3, CompletedLate: 1, OpenWithinDeadline: 8, OpenOverdue: 3, DueSoon: 6, NotAcknowledged: 9, NotYetReached: 9), t);
        var expected = new DirectiveProgress(t.Total, t.CompletedOnTime, t.CompletedLate, t.OpenWithinDeadline, t.OpenOverdue, t.NotAcknowledged);
        Assert.Equal(expected, pages);
        Assert.Equal(expected with { NotAcknowledged = 0 }, ranked); // the ranking does not count acknowledgement
        Assert.Equal(ranking.Total, ranking.Items.Count);
        var chased = (await world.CountedTasksAsync()).Single(x => x.Id == world.ChasedTask).UnitId;
        Assert.Equal(2, ranking.Items.Single(u => u.UnitId == chased).Chases);
        Assert.Equal(2, ranking.Items.Sum(u => u.Chases));
        Assert.Equal(t, ReportCounts.Sum(overview.ByPillar));
        Assert.Equal(t, ReportCounts.Sum(overview.ByPillarAndLevel));
        Assert.Equal(["PARTY", "COUNCIL", "COMMITTEE", "FRONT"], overview.ByPillar.Select(p => p.Pillar));
        Assert.Equal(3, overview.ByPillarAndLevel.Single(c => c.Pillar == "COUNCIL" && c.Level == "province").NotYetReached);

        // The same figures counted task by task with the in-memory twins of the definition.
        var time = CategoryTime.At(host.Clock.GetUtcNow(), host.Services.GetRequiredService<IWorkingDayCalendar>());
        var tasks = await world.CountedTasksAsync();
        Assert.Equal(t.Total, tasks.Count(x => x.IsCounted()));
        Assert.Equal(t.OpenOverdue, tasks.Count(x => x.Is(TaskCategory.OpenOverdue, time)));
        Assert.Equal(t.DueSoon, tasks.Count(x => x.IsDueSoon(time)));
        Assert.Equal(t.NotAcknowledged, tasks.Count(x => x.IsNotAcknowledged()));

        // The trend's current week ends now: its overdue figure is today's; every task was opened within the 12 weeks.
        Assert.Equal(12, overview.Trend.Count);
        Assert.Equal(DayOfWeek.Monday, overview.Trend[^1].WeekStart.DayOfWeek);
        Assert.Equal(t.OpenOverdue, overview.Trend[^1].OverdueAtEnd);
        Assert.Equal(t.Total, overview.Trend.Sum(w => w.Opened));
        Assert.Equal((t.CompletedOnTime, t.CompletedLate), (overview.Trend.Sum(w => w.CompletedOnTime), overview.Trend.Sum(w => w.CompletedLate)));
    }

    [Fact]
    public void A_chase_is_an_outbox_row_of_a_scheduled_step_and_of_nothing_else()
    {
        Assert.All(ChaseKeys.Prefixes, p => Assert.NotNull(ChaseKeys.ActionOf(p + "1:202603020000")));
        Assert.Null(ChaseKeys.ActionOf($"task:{Guid.NewGuid():N}:assigned:1"));
        Assert.Null(ChaseKeys.ActionOf("digest:unit:20260302"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_action_plans_hold_back_their_pillars_wards_until_the_plan_is_done(string provider)
    {
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;

        var waiting = await host.QueryAsync(new ListNotReachedQuery(world.Conclusion, ReportScope.Everything));

        Assert.Equal(3, waiting.Count);
        Assert.Equal(("01-COUNCIL", 4, 3), (waiting[0].UnitCode, waiting[0].DaysOverdue, waiting[0].UnitsWaiting));
        Assert.All(waiting.Skip(1), w => Assert.Equal((0, 3), (w.DaysOverdue, w.UnitsWaiting)));
        Assert.Empty(await host.QueryAsync(new ListNotReachedQuery(world.CommitteeDirective, ReportScope.Everything)));

        // The council's plan is made: its cascade reaches the three wards, which now have tasks instead.
        await host.SendAsync(new ResumeTaskCommand(waiting[0].UpstreamTaskId, "Done", "officer"));
        Assert.Equal(2, (await host.QueryAsync(new ListNotReachedQuery(world.Conclusion, ReportScope.Everything))).Count);
        var overview = await host.QueryAsync(new GetOverviewQuery(ReportScope.Everything, ReportFilter.None));
        Assert.Equal((15 + 3, 6), (overview.Totals.Total, overview.Totals.NotYetReached));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subtree_scope_counts_only_its_units_tasks_and_the_units_they_hold_back(string provider)
    {
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;
        var front = new HashSet<Guid> { await host.UnitIdAsync("01-FRONT") };
        foreach (var commune in new[] { "00004", "00008", "00025" })
        {
            front.Add(await host.UnitIdAsync(commune + "-FRONT"));
        }

        var overview = await host.QueryAsync(new GetOverviewQuery(ReportScope.OfUnits(front), ReportFilter.None));
        var ranking = await host.QueryAsync(new ListUnitRankingQuery(ReportScope.OfUnits(front), ReportFilter.None, PageRequest.From(1, 50), Level: null));

        // The city FRONT plan (open) and two of the cascade's FRONT ward tasks (one overdue, one not acknowledged; the third cancelled).
        Assert.Equal(new ReportCounts(3, 0, 0, 2, 1, 2, 2, NotYetReached: 3), overview.Totals);
        Assert.All(ranking.Items, u => Assert.Contains(u.UnitId, front));
        Assert.Equal(3, ranking.Items.Sum(u => u.Total));
        Assert.Equal(0, overview.ByPillar.Where(p => p.Pillar != "FRONT").Sum(p => p.Total + p.NotYetReached));
    }
}
