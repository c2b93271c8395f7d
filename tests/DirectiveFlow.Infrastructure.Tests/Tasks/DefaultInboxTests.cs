using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// The default inbox (own units, no filter) is read by compiled queries; any filter by the built query. Both must
/// list and count the same tasks, and the compiled counts must take "now" from each request, not from the first.
/// </summary>
public sealed class DefaultInboxTests
{
    private static readonly UnitTaskStatus[] Every = Enum.GetValues<UnitTaskStatus>();

    private static TaskListFilter Filter(IReadOnlyList<UnitTaskStatus> statuses, int pageSize) =>
        new(TaskListScope.Mine, statuses, null, false, null, null, null, null, new PageRequest(1, pageSize));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_default_inbox_lists_and_counts_as_the_filtered_query_does_at_each_request_s_now(string provider)
    {
        var h = await TaskHarness.CreateAsync(provider);
        await using var _ = h;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var (directive, start) = await InboxTestTasks.AddWardTasksAsync(h, data);
            await data.AddTaskAsync(directive, h.OtherWard.Id, h.City.Id, start, TaskHarness.Start.AddDays(-3), UnitTaskStatus.InProgress, title: "Của phường khác");
        }

        var officer = TaskHarness.Officer(h.Ward);
        // A full page (2 of 4): the total comes from the count query on both paths.
        var compiled = await h.AsAsync(officer, s => s.Send(new ListTasksQuery(Filter([], 2))));
        var built = await h.AsAsync(officer, s => s.Send(new ListTasksQuery(Filter(Every, 2))));
        Assert.Equal(4, compiled.Total);
        Assert.Equal(built.Total, compiled.Total);
        Assert.Equal(built.Items, compiled.Items);
        Assert.Equal(["Quá hạn", "Hoàn thành đúng hạn"], compiled.Items.Select(i => i.Title));
        Assert.Equal("Kế hoạch số 12/KH-UBND", compiled.Items[0].DirectiveNumber);
        Assert.Equal(h.Ward.Name, compiled.Items[0].UnitName);
        Assert.Equal(nameof(TaskCategory.OpenOverdue), compiled.Items[0].Category);

        var counts = await h.AsAsync(officer, s => s.Send(new CountTasksQuery(Filter([], 50))));
        Assert.Equal(await h.AsAsync(officer, s => s.Send(new CountTasksQuery(Filter(Every, 50)))), counts);
        Assert.Equal(new TaskCounts(4, 1, 0, 2, 1, 1, 1), counts);

        // A month on, the three open tasks are overdue: the compiled counts read the new now.
        h.Clock.Advance(TimeSpan.FromDays(30));
        var later = await h.AsAsync(officer, s => s.Send(new CountTasksQuery(Filter([], 50))));
        Assert.Equal(await h.AsAsync(officer, s => s.Send(new CountTasksQuery(Filter(Every, 50)))), later);
        Assert.Equal(new TaskCounts(4, 1, 0, 0, 0, 3, 1), later);
    }
}
