using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// Regression (issue 13, part 6): a request left "awaiting decision" stayed in the assigner's pending queue after its
/// task had been completed and accepted, with no decision possible any more.
/// </summary>
public sealed class ExtensionSupersededTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completing_a_task_supersedes_its_open_request(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var (task, request) = await ArrangeOpenRequestAsync(h, requiresReview: false);

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Đã hoàn thành.")));

        await AssertSupersededAsync(h, task.Id, request, h.Ward.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_stays_open_while_the_result_awaits_review_and_is_superseded_on_acceptance(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var (task, request) = await ArrangeOpenRequestAsync(h, requiresReview: true);
        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Kết quả")));
        Assert.Equal(nameof(ExtensionRequestStatus.Requested), (await PendingAsync(h)).Single().Status);

        await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new ReviewTaskCommand(task.Id, "accept", null)));

        await AssertSupersededAsync(h, task.Id, request, h.City.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_a_task_supersedes_its_open_request(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var (task, request) = await ArrangeOpenRequestAsync(h, requiresReview: false);

        await h.AsAsync(TaskHarness.Admin(), s => s.Send(new CancelTaskCommand(task.Id, "Ban hành nhầm")));

        await AssertSupersededAsync(h, task.Id, request, "admin");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_on_a_task_closed_in_bulk_reads_as_superseded_and_leaves_the_pending_queue(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var (task, _) = await ArrangeOpenRequestAsync(h, requiresReview: false);
        await using (var db = h.Database.CreateContext())
        {
            // What cancelling a whole flow does: the task rows only, in one statement.
            await db.Tasks.Where(t => t.Id == task.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, UnitTaskStatus.Cancelled), Ct);
        }

        Assert.Empty(await PendingAsync(h));
        var superseded = await h.AsAsync(TaskHarness.Issuer(h.City),
            s => s.Send(new ListExtensionRequestsQuery(ExtensionRequestStatus.Superseded, PageRequest.From(null, null))));
        Assert.Equal(nameof(ExtensionRequestStatus.Superseded), superseded.Items.Single().Status);
        var page = await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new GetTaskQuery(task.Id)));
        Assert.Equal(nameof(ExtensionRequestStatus.Superseded), page.ExtensionRequests.Single().Status);
    }

    private static async Task<(UnitTask Task, Guid Request)> ArrangeOpenRequestAsync(TaskHarness h, bool requiresReview)
    {
        UnitTask task;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id);
            task = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start,
                h.Calendar.AddWorkingDays(TaskHarness.Start, 5), UnitTaskStatus.InProgress, requiresReview);
        }

        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));
        Assert.Single(await PendingAsync(h));
        h.Clock.Advance(TimeSpan.FromHours(2));
        return (task, request);
    }

    private static async Task<IReadOnlyList<ExtensionRequestItemDto>> PendingAsync(TaskHarness h) =>
        (await h.AsAsync(TaskHarness.Issuer(h.City),
            s => s.Send(new ListExtensionRequestsQuery(ExtensionRequestStatus.Requested, PageRequest.From(null, null))))).Items;

    private static async Task AssertSupersededAsync(TaskHarness h, Guid taskId, Guid requestId, string endedBy)
    {
        await using var db = h.Database.CreateContext();
        var stored = await db.ExtensionRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, Ct);
        Assert.Equal((ExtensionRequestStatus.Superseded, h.Clock.GetUtcNow(), endedBy),
            (stored.Status, stored.DecidedAt, stored.DecidedBy));
        Assert.Empty(await PendingAsync(h));
        var page = await h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new GetTaskQuery(taskId)));
        Assert.Equal(nameof(ExtensionRequestStatus.Superseded), page.ExtensionRequests.Single().Status);
        Assert.DoesNotContain("decideExtension", page.AllowedActions);
    }
}
