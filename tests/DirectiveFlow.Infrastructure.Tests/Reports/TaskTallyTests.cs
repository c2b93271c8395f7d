using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tests.Tasks;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Reports;

/// <summary>
/// The tallies behind the overview stay equal to a grouped count of the tasks whoever writes them, and the overview
/// read from them equals the overview counted from the tasks, for every filter and scope they answer and at any "now".
/// </summary>
public sealed class TaskTallyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tallies_follow_the_engine_bulk_updates_raw_sql_and_tracked_edits(string provider)
    {
        // Cascades (the bulk writer), the engine's resume, tracked edits of status, deadline and completion, a sub-cascade task.
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;
        await using (var db = host.Context())
        {
            await TallyAssert.EqualToTasksAsync(db, Ct);
        }

        // An action plan done: its cascade to the wards is written.
        var waiting = await host.QueryAsync(new ListNotReachedQuery(world.Conclusion, ReportScope.Everything));
        await host.SendAsync(new ResumeTaskCommand(waiting[0].UpstreamTaskId, "Done", "officer"));

        await using (var edit = host.Context())
        {
            var tasks = await edit.Tasks.Where(t => t.ParentTaskId == null).OrderBy(t => t.Id).ToListAsync(Ct);
            var open = tasks.Where(t => t.Status is UnitTaskStatus.Assigned or UnitTaskStatus.InProgress or UnitTaskStatus.Acknowledged).ToList();
            // Re-assigned to a unit of another pillar that has no task of that step.
            var moved = open[0];
            var taken = tasks.Where(t => t.InstanceId == moved.InstanceId && t.ActivityId == moved.ActivityId).Select(t => t.UnitId).ToHashSet();
            moved.UnitId = await edit.Units.Where(u => !taken.Contains(u.Id)).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync(Ct);
            open[1].DueAt = open[1].DueAt.AddDays(7);
            open[2].Status = UnitTaskStatus.Completed;
            open[2].CompletedAt = host.Clock.GetUtcNow();
            var returned = tasks.First(t => t.Status == UnitTaskStatus.Completed);
            returned.Status = UnitTaskStatus.Returned;
            edit.Tasks.Remove(open[3]);
            await edit.SaveChangesAsync(Ct);
            await TallyAssert.EqualToTasksAsync(edit, Ct);

            await edit.Database.ExecuteSqlRawAsync("""UPDATE "Tasks" SET "Status" = 'Acknowledged' WHERE "Status" = 'Assigned'""", Ct);
            await TallyAssert.EqualToTasksAsync(edit, Ct);
        }

        // The whole conclusion cancelled in one set-based update.
        await host.SendAsync(new CancelInstanceCommand(await world.InstanceOfAsync(world.Conclusion), "admin"));
        await using (var db = host.Context())
        {
            await TallyAssert.EqualToTasksAsync(db, Ct);
            Assert.True(await db.TaskTallies.AnyAsync(t => t.Bucket == TallyBucket.Cancelled && t.Count > 0, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tallies_follow_the_task_commands(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var ward = TaskHarness.Officer(h.Ward);
        var city = TaskHarness.Issuer(h.City);
        List<UnitTask> tasks = [];
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id);
            var due = h.Calendar.AddWorkingDays(TaskHarness.Start, 5);
            foreach (var (status, review, deadline) in new[]
                     {
                         (UnitTaskStatus.Assigned, false, due), (UnitTaskStatus.InProgress, false, due), (UnitTaskStatus.InProgress, false, TaskHarness.Start.AddDays(-1)),
                         (UnitTaskStatus.InProgress, true, due), (UnitTaskStatus.InProgress, false, due), (UnitTaskStatus.InProgress, false, due),
                     })
            {
                tasks.Add(await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start.AddDays(-3), deadline, status, review));
            }

            await TallyAssert.EqualToTasksAsync(db, Ct);
        }

        await h.AsAsync(ward, s => s.Send(new AcknowledgeTaskCommand(tasks[0].Id)));
        await h.AsAsync(ward, s => s.Send(new CompleteTaskCommand(tasks[1].Id, "Đúng hạn")));
        await h.AsAsync(ward, s => s.Send(new CompleteTaskCommand(tasks[2].Id, "Quá hạn")));
        await h.AsAsync(ward, s => s.Send(new CompleteTaskCommand(tasks[3].Id, "Chờ duyệt")));
        await h.AsAsync(city, s => s.Send(new ReviewTaskCommand(tasks[3].Id, "return", "Bổ sung số liệu")));
        await h.AsAsync(TaskHarness.Admin(), s => s.Send(new CancelTaskCommand(tasks[4].Id, "Không còn phù hợp")));
        var request = await h.AsAsync(ward, s => s.Send(new RequestExtensionCommand(tasks[5].Id, 3, null, "Chờ số liệu quý")));
        await h.AsAsync(city, s => s.Send(new DecideExtensionCommand(tasks[5].Id, request, true, null)));

        await using (var db = h.Database.CreateContext())
        {
            await TallyAssert.EqualToTasksAsync(db, Ct);
            var buckets = await db.TaskTallies.Where(t => t.Count != 0).GroupBy(t => t.Bucket).Select(g => new { g.Key, Count = g.Sum(t => t.Count) })
                .ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
            // Acknowledged, returned for rework and extended are open; one on time, one late, one cancelled; none unacknowledged.
            Assert.Equal((3, 1, 1, 1, 0), (buckets[TallyBucket.Open], buckets[TallyBucket.CompletedOnTime], buckets[TallyBucket.CompletedLate],
                buckets[TallyBucket.Cancelled], buckets.GetValueOrDefault(TallyBucket.Assigned)));
            var extended = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == tasks[5].Id, Ct);
            Assert.NotEqual(extended.OriginalDueAt, extended.DueAt);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_overview_from_the_tallies_equals_the_overview_counted_from_the_tasks(string provider)
    {
        await using var world = await ReportWorld.CreateAsync(provider);
        var host = world.Host;
        var calendar = host.Services.GetRequiredService<IWorkingDayCalendar>();
        var start = host.Clock.GetUtcNow();
        var nextMonday = VietnamTime.At(TrendReader.MondayOf(VietnamTime.DateOf(start)).AddDays(7), TimeOnly.MinValue);
        ReportScope hanoi;
        Guid issuer;
        await using (var db = host.Context())
        {
            issuer = await host.UnitIdAsync("01-COMMITTEE");
            hanoi = ReportScope.Of(new DirectiveReader((await Provinces.PlaceOfAsync(db, issuer, Ct))?.ProvinceId));
        }

        var filters = new[]
        {
            ReportFilter.None, new ReportFilter(Pillar: Pillar.Front), new ReportFilter(LocalityCode: "01"),
            new ReportFilter(IssuingUnitId: issuer), new ReportFilter(From: start.AddDays(-30), To: start.AddDays(-1)),
        };
        var checkedCases = 0;
        foreach (var now in new[] { start, nextMonday, nextMonday.AddDays(3).AddHours(5), start.AddDays(40) })
        {
            host.Clock.SetUtcNow(now);
            var time = CategoryTime.At(now, calendar);
            foreach (var scope in new[] { ReportScope.Everything, hanoi })
            {
                foreach (var filter in filters)
                {
                    await using var db = host.Context();
                    Assert.True(await TallyReader.CanAnswerAsync(db, scope, filter, Ct));
                    var overview = await host.QueryAsync(new GetOverviewQuery(scope, filter));

                    var counted = TaskCategoryCounts.Sum((await UnitCounts.ReadAsync(ReportTasks.Select(db, scope, filter), time, Ct)).Select(u => u.Counts));
                    var t = overview.Totals;
                    Assert.Equal(counted, new TaskCategoryCounts(t.Total, t.CompletedOnTime, t.CompletedLate, t.OpenWithinDeadline, t.OpenOverdue, t.DueSoon, t.NotAcknowledged));
                    var end = filter.To is { } to && to < now ? to : now;
                    var trend = await TrendReader.ReadAsync(ReportTasks.Select(db, scope, filter.WithoutPeriod), end, time, Ct);
                    Assert.Equal(trend, overview.Trend);
                    checkedCases++;
                }
            }
        }

        Assert.Equal(40, checkedCases);
    }

    [Fact]
    public async Task Two_nodes_completing_tasks_of_the_same_tally_at_once_lose_no_count()
    {
        await using var h = await TaskHarness.CreateAsync(nameof(Infrastructure.Persistence.DatabaseProvider.PostgreSql));
        var ids = new List<Guid>();
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id);
            for (var i = 0; i < 40; i++)
            {
                ids.Add((await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, TaskHarness.Start.AddDays(5), UnitTaskStatus.InProgress)).Id);
            }
        }

        async Task CompleteAsync(IEnumerable<Guid> mine)
        {
            await using var db = h.Database.CreateContext();
            foreach (var id in mine)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                await db.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.Status, UnitTaskStatus.Completed).SetProperty(t => t.CompletedAt, TaskHarness.Start.AddDays(1)), Ct);
                await Task.Delay(5, Ct);
                await transaction.CommitAsync(Ct);
            }
        }

        await Task.WhenAll(CompleteAsync(ids.Where((_, i) => i % 2 == 0)), CompleteAsync(ids.Where((_, i) => i % 2 == 1)));

        await using var read = h.Database.CreateContext();
        await TallyAssert.EqualToTasksAsync(read, Ct);
        Assert.Equal(40, await read.TaskTallies.Where(t => t.Bucket == TallyBucket.CompletedOnTime).SumAsync(t => t.Count, Ct));
        Assert.Equal(0, await read.TaskTallies.Where(t => t.Bucket == TallyBucket.Open).SumAsync(t => t.Count, Ct));
    }
}
