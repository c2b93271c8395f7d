using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

public sealed class TaskLifecycleApiTests
{
    private const string Officer = "00070-COMMITTEE";
    private const string Issuer = "01-COMMITTEE";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_ward_officer_acknowledges_reports_progress_and_completes(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync(title: "Rà soát hồ sơ đất đai – phường Hoàn Kiếm");
        var client = await world.ClientAsync(Officer);

        var inbox = await client.GetFromJsonAsync<PagedResult<TaskListItemDto>>("/api/tasks", TaskApiWorld.Json, Ct);
        var row = Assert.Single(inbox!.Items);
        Assert.Equal("Rà soát hồ sơ đất đai – phường Hoàn Kiếm", row.Title);
        Assert.Equal(nameof(TaskCategory.OpenWithinDeadline), row.Category);
        Assert.Equal(5, row.WorkingDaysLeft);

        var acknowledged = await HttpAssert.OkTaskAsync(await client.PostJsonAsync($"/api/tasks/{task.Id}/acknowledge"));
        Assert.Equal("Acknowledged", acknowledged.Status);
        Assert.Equal(["progress", "complete", "requestExtension"], acknowledged.AllowedActions);

        var progressed = await HttpAssert.OkTaskAsync(await client.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "Đã rà soát 40% hồ sơ", percent = 40 }));
        Assert.Equal("InProgress", progressed.Status);
        Assert.Equal(40, progressed.ProgressPercent);
        Assert.Equal("Đã rà soát 40% hồ sơ", Assert.Single(progressed.ProgressReports).Note);

        var completed = await HttpAssert.OkTaskAsync(await client.PostJsonAsync($"/api/tasks/{task.Id}/complete", new { result = "Hoàn thành rà soát, đã báo cáo Thành phố." }));
        Assert.Equal("Completed", completed.Status);
        Assert.Equal(nameof(TaskCategory.CompletedOnTime), completed.Category);
        Assert.NotNull(completed.CompletedAt);
        Assert.Empty(completed.AllowedActions);
        Assert.Equal(task.Id, Assert.Single(world.Engine.Finished).TaskId);

        var journal = await client.GetFromJsonAsync<PagedResult<JournalEntryDto>>($"/api/tasks/{task.Id}/journal", TaskApiWorld.Json, Ct);
        // The history also lists the emails sent about the task: here the completion notice to the issuer, not yet sent.
        Assert.Equal(["task.acknowledged", "task.progress", "task.completed", "email.queued"], journal!.Items.Select(j => j.Action));
        Assert.All(journal.Items.SkipLast(1), j => Assert.Equal(Officer, j.Actor));
        Assert.EndsWith("đang chờ gửi", journal.Items[^1].Detail, StringComparison.Ordinal);
        // In English when the caller reads English (regression: the line was Vietnamese whatever the language).
        var english = await client.GetFromJsonAsync<PagedResult<JournalEntryDto>>($"/api/tasks/{task.Id}/journal?culture=en-US&ui-culture=en-US", TaskApiWorld.Json, Ct);
        Assert.EndsWith("— waiting to be sent", english!.Items[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issuer_returns_a_result_for_rework_and_then_accepts_it(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress, requiresReview: true);
        var ward = await world.ClientAsync(Officer);
        var issuer = await world.ClientAsync(Issuer);

        var reported = await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/complete", new { result = "Bản báo cáo lần 1" }));
        Assert.Equal("Reported", reported.Status);
        Assert.Empty(world.Engine.Finished);
        var queue = await issuer.GetFromJsonAsync<PagedResult<TaskListItemDto>>("/api/reviews", TaskApiWorld.Json, Ct);
        Assert.Equal(task.Id, Assert.Single(queue!.Items).Id);
        Assert.Equal(["review"], (await world.GetTaskAsync(Issuer, task.Id)).AllowedActions);

        var returned = await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{task.Id}/review", new { decision = "return", comment = "Bổ sung số liệu quý III" }));
        Assert.Equal("Returned", returned.Status);
        Assert.Empty(returned.AllowedActions);
        Assert.Equal(["progress", "complete", "requestExtension"], (await world.GetTaskAsync(Officer, task.Id)).AllowedActions);

        await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "Đang bổ sung số liệu", percent = 90 }));
        await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/complete", new { result = "Bản báo cáo lần 2, đã bổ sung" }));
        var accepted = await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{task.Id}/review", new { decision = "accept" }));

        Assert.Equal("Completed", accepted.Status);
        Assert.Equal("Bản báo cáo lần 2, đã bổ sung", accepted.ResultSummary);
        Assert.Equal(accepted.ReportedAt, accepted.CompletedAt);
        Assert.Equal((task.Id, "Accepted", Issuer), Assert.Single(world.Engine.Finished));
        var actions = await world.WithDbAsync(db => db.Journal.Where(j => j.TaskId == task.Id).OrderBy(j => j.Id).Select(j => j.Action).ToListAsync(Ct));
        Assert.Equal(["task.reported", "task.returned", "task.progress", "task.reported", "task.accepted"], actions);
        var mails = await world.WithDbAsync(db => db.Outbox.Where(m => m.TaskId == task.Id).Select(m => m.To).ToListAsync(Ct));
        Assert.Equal(4, mails.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_extension_moves_the_deadline_and_keeps_the_original_on_record(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress, configure: t => t.EscalationLevel = 1);
        var ward = await world.ClientAsync(Officer);
        var issuer = await world.ClientAsync(Issuer);

        var asked = await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/extension-requests",
            new { additionalWorkingDays = 3, reason = "Chờ số liệu từ Sở Tài chính" }));
        var request = Assert.Single(asked.ExtensionRequests);
        Assert.Equal(world.Calendar.AddWorkingDays(task.DueAt, 3), request.RequestedDueAt);
        Assert.DoesNotContain("requestExtension", asked.AllowedActions);
        Assert.Contains("decideExtension", (await world.GetTaskAsync(Issuer, task.Id)).AllowedActions);
        var pending = await issuer.GetFromJsonAsync<PagedResult<ExtensionRequestItemDto>>("/api/extension-requests?status=Requested", TaskApiWorld.Json, Ct);
        Assert.Equal(request.Id, Assert.Single(pending!.Items).Id);

        var decided = await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync(
            $"/api/tasks/{task.Id}/extension-requests/{request.Id}/decision", new { approve = true, comment = "Đồng ý" }));

        Assert.Equal(request.RequestedDueAt, decided.DueAt);
        Assert.Equal(task.DueAt, decided.OriginalDueAt);
        Assert.Equal("Approved", Assert.Single(decided.ExtensionRequests).Status);
        Assert.Equal(0, decided.EscalationLevel);
        var stored = await world.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct));
        Assert.NotNull(stored.NextActionAt);
        Assert.True(stored.NextActionAt <= TimeProvider.System.GetUtcNow());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rejected_extension_keeps_the_deadline(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var task = await world.AddTaskAsync(status: UnitTaskStatus.Acknowledged);
        var ward = await world.ClientAsync(Officer);
        var newDate = VietnamDate(world.Calendar.AddWorkingDays(task.DueAt, 10));

        var asked = await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/extension-requests",
            new { newDueDate = newDate, reason = "Khối lượng lớn" }));
        var request = Assert.Single(asked.ExtensionRequests);
        var issuer = await world.ClientAsync(Issuer);
        var decided = await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync(
            $"/api/tasks/{task.Id}/extension-requests/{request.Id}/decision", new { approve = false, comment = "Không đủ căn cứ" }));

        Assert.Equal(task.DueAt, decided.DueAt);
        Assert.Equal(task.DueAt, decided.OriginalDueAt);
        var rejected = Assert.Single(decided.ExtensionRequests);
        Assert.Equal("Rejected", rejected.Status);
        Assert.Equal("Không đủ căn cứ", rejected.DecisionComment);
        Assert.Contains("requestExtension", (await world.GetTaskAsync(Officer, task.Id)).AllowedActions);

        var again = await HttpAssert.ProblemAsync(await issuer.PostJsonAsync(
            $"/api/tasks/{task.Id}/extension-requests/{request.Id}/decision", new { approve = true }), HttpStatusCode.Conflict);
        // In words, not the enum's name ("Đề nghị đã được quyết định (Rejected).").
        Assert.Equal("Đề nghị đã được quyết định (không chấp thuận).", again.GetProperty("detail").GetString());
    }

    private static string VietnamDate(DateTimeOffset instant) =>
        Core.Calendar.VietnamTime.DateOf(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
