using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// The inbox page's one request (<see cref="InboxPageQuery"/>) answers what its two requests did — the page as
/// <see cref="ListTasksQuery"/>, the counters as <see cref="CountTasksQuery"/> of the filter without its status,
/// category and due-soon narrowing — for an officer (one unit) and a head (several), with and without a filter,
/// and an officer's full default page takes two queries on one connection (the total from the counters).
/// </summary>
public sealed class InboxPageQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TaskListFilter Filter(int pageSize, IReadOnlyList<UnitTaskStatus>? statuses = null, TaskCategory? category = null, bool dueSoon = false) =>
        new(TaskListScope.Mine, statuses ?? [], category, dueSoon, null, null, null, null, new PageRequest(1, pageSize));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_and_its_counters_in_one_request_are_what_the_two_requests_answered(string provider)
    {
        var h = await TaskHarness.CreateAsync(provider);
        await using var _ = h;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var (directive, start) = await InboxTestTasks.AddWardTasksAsync(h, data);
            await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, start, TaskHarness.Start.AddDays(5), UnitTaskStatus.Cancelled, title: "Đã hủy");
            await data.AddTaskAsync(directive, h.WardSubUnit.Id, h.Ward.Id, start, TaskHarness.Start.AddDays(-2), UnitTaskStatus.InProgress, title: "Tổ dân phố, quá hạn");
            await data.AddTaskAsync(directive, h.WardSubUnit.Id, h.Ward.Id, start, TaskHarness.Start.AddDays(40), UnitTaskStatus.Completed,
                title: "Tổ dân phố, hoàn thành muộn", configure: t => t.CompletedAt = TaskHarness.Start.AddDays(41));
            await data.AddTaskAsync(directive, h.OtherWard.Id, h.City.Id, start, TaskHarness.Start.AddDays(-3), UnitTaskStatus.InProgress, title: "Của phường khác");
        }

        var officer = TaskHarness.Officer(h.Ward);
        // An officer's full default page (2 of 5): the counters and the page, nothing else, on one connection.
        InboxPage page;
        using (var counter = new CommandCounter(h.Database.ConnectionString))
        {
            page = await h.AsAsync(officer, s => s.Send(new InboxPageQuery(Filter(2)), Ct));
            Assert.Equal(2, counter.Commands);
            Assert.Equal(1, counter.Opens);
        }

        Assert.Equal(new TaskCounts(5, 1, 0, 2, 1, 1, 1), page.Counts);
        Assert.Equal(5, page.Tasks.Total);
        Assert.Equal(["Quá hạn", "Hoàn thành đúng hạn"], page.Tasks.Items.Select(i => i.Title));
        await AssertAsTwoRequestsAsync(h, officer, Filter(2), page);

        // Narrowed by status, category or due soon: the page is the narrowed list, the counters the whole scope's.
        foreach (var narrowed in new[] { Filter(50, [UnitTaskStatus.InProgress]), Filter(50, category: TaskCategory.OpenWithinDeadline), Filter(50, dueSoon: true) })
        {
            var answer = await h.AsAsync(officer, s => s.Send(new InboxPageQuery(narrowed), Ct));
            Assert.Equal(page.Counts, answer.Counts);
            await AssertAsTwoRequestsAsync(h, officer, narrowed, answer);
        }

        Assert.Equal(["Sắp đến hạn"], (await h.AsAsync(officer, s => s.Send(new InboxPageQuery(Filter(50, dueSoon: true)), Ct))).Tasks.Items.Select(i => i.Title));

        // A head reads its unit and the sub-unit: 7 tasks, whether its page is full or not.
        var head = TaskHarness.Head(h.Ward);
        foreach (var filter in new[] { Filter(3), Filter(50), Filter(50, category: TaskCategory.OpenOverdue) })
        {
            var answer = await h.AsAsync(head, s => s.Send(new InboxPageQuery(filter), Ct));
            Assert.Equal(new TaskCounts(7, 1, 1, 2, 1, 2, 1), answer.Counts);
            await AssertAsTwoRequestsAsync(h, head, filter, answer);
        }

        // A unit with no task: an empty page and zero counters.
        var empty = await h.AsAsync(TaskHarness.Officer(h.City), s => s.Send(new InboxPageQuery(Filter(50)), Ct));
        Assert.Equal(TaskCounts.None, empty.Counts);
        Assert.Equal(0, empty.Tasks.Total);
        Assert.Empty(empty.Tasks.Items);
    }

    /// <summary>The list and the counters of <paramref name="filter"/> as the two requests read them, each in a scope of its own.</summary>
    private static async Task AssertAsTwoRequestsAsync(TaskHarness h, TestCurrentUser user, TaskListFilter filter, InboxPage answer)
    {
        var list = await h.AsAsync(user, s => s.Send(new ListTasksQuery(filter), Ct));
        var counts = await h.AsAsync(user, s => s.Send(new CountTasksQuery(filter with { Statuses = [], Category = null, DueSoon = false }), Ct));
        Assert.Equal(list.Items, answer.Tasks.Items);
        Assert.Equal((list.Total, list.Page, list.PageSize), (answer.Tasks.Total, answer.Tasks.Page, answer.Tasks.PageSize));
        Assert.Equal(counts, answer.Counts);
        // And the compiled default inbox counts as the built query does (every status listed is the same set of tasks).
        var built = await h.AsAsync(user, s => s.Send(new CountTasksQuery(filter with { Statuses = Enum.GetValues<UnitTaskStatus>(), Category = null, DueSoon = false }), Ct));
        Assert.Equal(built, counts);
    }
}
