using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine.Notices;

/// <summary>
/// A cascade leaves its tasks' notices on their shared models (<see cref="OutboxModel.Notices"/>) and the dispatcher
/// makes them rows (<see cref="NoticeExpansion"/>): each notice becomes exactly one row however many dispatchers expand
/// at once, and until then the notices count as waiting mail and keep their model.
/// </summary>
public sealed class NoticeExpansionTests
{
    private const int Tasks = 48; // 12 communes × 4 pillars

    private static string CascadeWithSupport() => TestFlows.Cascade("""{"levels": ["commune"]}""").Replace(
        """{"title": "Thực hiện tại {{unit.name}}", "deadline": {"workingDays": 5} }""",
        """{"title": "Thực hiện tại {{unit.name}}", "supporting": {"units": ["01-FRONT"]}, "deadline": {"workingDays": 5} }""",
        StringComparison.Ordinal);

    private static async Task<EngineHost> IssuedAsync(string provider)
    {
        var host = await EngineHost.CreateAsync(provider, CascadeRecoveryTests.SmallBatches);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 12);
        }

        await host.PublishAsync(CascadeWithSupport());
        await host.IssueAsync("wide", "01-PARTY");
        return host;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cascade_writes_a_list_per_model_and_two_dispatchers_expanding_at_once_make_each_notice_one_row(string provider)
    {
        await using var host = await IssuedAsync(provider);
        await using (var db = host.Context())
        {
            Assert.Equal(0, await NoticeRowsAsync(db).CountAsync(EngineHost.Cancel));
            var lists = await db.OutboxModels.Where(m => m.NoticeCount > 0).ToListAsync(EngineHost.Cancel);
            // Batches of 25: two batches, each one list for the leads and one for the supporting unit.
            Assert.Equal(4, lists.Count);
            Assert.Equal(2 * Tasks, lists.Sum(m => m.NoticeCount));
            Assert.All(lists, m => Assert.Equal(m.NoticeCount, PendingNotices.Read(m.Notices!).Count()));
        }

        await using var first = host.Context();
        await using var second = host.Context();
        var now = host.Clock.GetUtcNow();
        var results = await Task.WhenAll(
            Task.Run(() => NoticeExpansion.ExpandAsync(first, now, EngineHost.Cancel), EngineHost.Cancel),
            Task.Run(() => NoticeExpansion.ExpandAsync(second, now, EngineHost.Cancel), EngineHost.Cancel));

        // Each list taken by one of them: four in all, not more.
        Assert.Equal((4, 2 * Tasks), (results.Sum(r => r.Lists), results.Sum(r => r.Rows)));
        await AssertOneRowPerNoticeAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_another_dispatcher_is_taking_is_not_expanded_again_once_it_commits(string provider)
    {
        await using var host = await IssuedAsync(provider);
        await using var other = host.Context();
        var taken = await other.OutboxModels.Where(m => m.NoticeCount > 0).OrderBy(m => m.Id).FirstAsync(EngineHost.Cancel);
        Task<(int Lists, int Rows)> expanding;
        await using (var transaction = await other.Database.BeginTransactionAsync(EngineHost.Cancel))
        {
            // Another dispatcher has taken the first list and not yet committed when this one starts.
            await other.OutboxModels.Where(m => m.Id == taken.Id && m.NoticeCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NoticeCount, 0).SetProperty(m => m.Notices, (string?)null), EngineHost.Cancel);
            await using var db = host.Context();
            expanding = Task.Run(() => NoticeExpansion.ExpandAsync(db, host.Clock.GetUtcNow(), EngineHost.Cancel), EngineHost.Cancel);
            await Task.Delay(TimeSpan.FromMilliseconds(500), EngineHost.Cancel);
            await transaction.CommitAsync(EngineHost.Cancel);
            var (lists, rows) = await expanding;
            Assert.Equal((3, 2 * Tasks - taken.NoticeCount), (lists, rows));
        }

        await using var read = host.Context();
        Assert.Equal(0, await read.Outbox.CountAsync(m => m.ModelId == taken.Id, EngineHost.Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_one_of_whose_rows_exists_already_is_expanded_without_a_second_row(string provider)
    {
        await using var host = await IssuedAsync(provider);
        await using (var db = host.Context())
        {
            var list = await db.OutboxModels.Where(m => m.NoticeCount > 0).OrderBy(m => m.Id).FirstAsync(EngineHost.Cancel);
            var (taskId, key) = PendingNotices.Read(list.Notices!).First();
            db.Outbox.Add(new OutboxMessage
            {
                DedupeKey = key, To = "", Subject = "", HtmlBody = "", TextBody = "", Template = list.NoticeTemplate, ModelId = list.Id,
                TaskId = taskId, DirectiveId = list.NoticeDirectiveId, CreatedAt = list.CreatedAt, NextAttemptAt = list.CreatedAt,
            });
            await db.SaveChangesAsync(EngineHost.Cancel);
            Assert.Equal((4, 2 * Tasks - 1), await NoticeExpansion.ExpandAsync(db, host.Clock.GetUtcNow(), EngineHost.Cancel));
        }

        await AssertOneRowPerNoticeAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_that_cannot_be_read_are_set_aside_whole_and_the_other_lists_are_expanded(string provider)
    {
        await using var host = await IssuedAsync(provider);
        await using var db = host.Context();
        var lists = await db.OutboxModels.Where(m => m.NoticeCount > 0).OrderBy(m => m.Id).Take(2).ToListAsync(EngineHost.Cancel);
        var (badLine, shortened) = (lists[0], lists[1]);
        var corrupted = badLine.Notices + "not a notice\n";
        await db.OutboxModels.Where(m => m.Id == badLine.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Notices, corrupted), EngineHost.Cancel);
        // A list missing a line: its count says one more notice than it holds.
        await db.OutboxModels.Where(m => m.Id == shortened.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NoticeCount, m => m.NoticeCount + 1), EngineHost.Cancel);

        var expanded = await NoticeExpansion.ExpandAsync(db, host.Clock.GetUtcNow(), EngineHost.Cancel);
        Assert.Equal((2, 2 * Tasks - badLine.NoticeCount - shortened.NoticeCount), expanded);
        // Nothing of them was written; each is kept as it was, its count negated, so no dispatch takes it again.
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.ModelId == badLine.Id || m.ModelId == shortened.Id, EngineHost.Cancel));
        var aside = await db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount < 0).OrderBy(m => m.Id).ToListAsync(EngineHost.Cancel);
        Assert.Equal([(badLine.Id, -badLine.NoticeCount, corrupted), (shortened.Id, -(shortened.NoticeCount + 1), shortened.Notices)],
            aside.Select(m => (m.Id, m.NoticeCount, m.Notices)).ToList());
        Assert.Equal((0, 0), await NoticeExpansion.ExpandAsync(db, host.Clock.GetUtcNow(), EngineHost.Cancel));
        Assert.Equal(0, await db.OutboxModels.CountAsync(m => m.NoticeCount > 0, EngineHost.Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notices_not_yet_expanded_count_as_waiting_mail_keep_their_model_and_are_expanded_even_when_no_mail_can_go(string provider)
    {
        await using var host = await IssuedAsync(provider);
        host.Clock.Advance(TimeSpan.FromHours(2));
        await using var scope = host.Services.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        var rowsBefore = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, EngineHost.Cancel);

        Assert.Equal(rowsBefore + 2 * Tasks, await host.QueryAsync(new CountPendingEmailsQuery()));
        var lag = await OutboxLag.ReadAsync(db, host.Clock.GetUtcNow(), EngineHost.Cancel);
        Assert.Equal(rowsBefore + 2 * Tasks, lag.Pending);
        Assert.InRange(lag.OldestDueAge, TimeSpan.FromHours(2), TimeSpan.FromHours(2.1));
        // Two hours old, past the grace of shared models, and named by no row yet: kept for the notices it carries.
        await dispatcher.ForgetSharedModelsAsync(EngineHost.Cancel);
        Assert.Equal(4, await db.OutboxModels.CountAsync(m => m.NoticeCount > 0, EngineHost.Cancel));

        // No SMTP server is configured here: nothing is sent, but the notices become rows the outbox screen lists, and
        // their models count their grace from now (the clean-up keeps a model an hour after its rows appeared).
        Assert.Equal(DispatchResult.None, await dispatcher.DispatchAsync(EngineHost.Cancel));
        var expandedModels = await db.OutboxModels.AsNoTracking().Where(m => m.NoticeTemplate != null).Select(m => m.CreatedAt).ToListAsync(EngineHost.Cancel);
        Assert.Equal(4, expandedModels.Count);
        Assert.All(expandedModels, at => Assert.Equal(host.Clock.GetUtcNow(), at));
        Assert.Equal(rowsBefore + 2 * Tasks, await host.QueryAsync(new CountPendingEmailsQuery()));
        await AssertOneRowPerNoticeAsync(host);
    }

    private static IQueryable<OutboxMessage> NoticeRowsAsync(DirectiveFlowDbContext db) =>
        db.Outbox.Where(m => m.Template == EmailTemplates.Assigned || m.Template == EmailTemplates.Supporting);

    /// <summary>Every branch task has one lead row and one supporting row, all due, and no list is left.</summary>
    private static async Task AssertOneRowPerNoticeAsync(EngineHost host)
    {
        await using var db = host.Context();
        var work = await db.Tasks.Where(t => t.ActivityId == "work").Select(t => t.Id).ToListAsync(EngineHost.Cancel);
        Assert.Equal(Tasks, work.Count);
        var rows = await NoticeRowsAsync(db).Where(m => m.TaskId != null && work.Contains(m.TaskId.Value))
            .Select(m => new { TaskId = m.TaskId!.Value, m.Template, m.Status, m.ModelId }).ToListAsync(EngineHost.Cancel);
        Assert.Equal(work.Order(), rows.Where(r => r.Template == EmailTemplates.Assigned).Select(r => r.TaskId).Order());
        Assert.Equal(work.Order(), rows.Where(r => r.Template == EmailTemplates.Supporting).Select(r => r.TaskId).Order());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.Equal(0, await db.OutboxModels.CountAsync(m => m.NoticeCount > 0 || m.Notices != null, EngineHost.Cancel));
        var models = rows.Select(r => r.ModelId!.Value).Distinct().ToList();
        Assert.Equal(models.Count, await db.OutboxModels.CountAsync(m => models.Contains(m.Id), EngineHost.Cancel));
    }
}
