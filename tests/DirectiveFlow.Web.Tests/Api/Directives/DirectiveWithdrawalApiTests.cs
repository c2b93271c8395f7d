using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>
/// Withdrawing a directive (thu hồi): its issuer stops every open task in one step, the directive says who, when and why,
/// and each unit whose work stopped gets one email with the reason. Before, an issuer could only cancel task by task
/// (an administrator's action), and the units were not told the directive was gone.
/// </summary>
public sealed class DirectiveWithdrawalApiTests
{
    private const string Reason = "Ban hành nhầm quy trình; thay bằng Chỉ thị số 22/CT-UBND.";

    private static readonly Dictionary<string, string?> NoSchedule = new() { ["Scheduling:Enabled"] = "false" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_issuer_withdraws_a_directive_every_open_task_stops_and_each_unit_gets_one_email_with_the_reason(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, NoSchedule);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Chỉ thị số 21/CT-UBND", "Chỉnh trang đô thị", new { deadlineDays = 10 });
        int open, units;
        await using (var db = app.Database.CreateContext())
        {
            var tasks = await db.Tasks.Where(t => t.DirectiveId == id).ToListAsync(Ct);
            open = tasks.Count;
            units = tasks.Select(t => t.UnitId).Distinct().Count();
        }

        Assert.True(open > 1, $"the flow gave {open} tasks");
        await DispatchAsync(app);
        using var response = await issuer.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = "  " + Reason + " " }, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((open, units), (result.GetProperty("tasksCancelled").GetInt32(), result.GetProperty("unitsNotified").GetInt32()));
        await using (var db = app.Database.CreateContext())
        {
            var directive = await db.Directives.SingleAsync(d => d.Id == id, Ct);
            Assert.Equal(("01-COMMITTEE", Reason), (directive.WithdrawnBy, directive.WithdrawalReason));
            Assert.NotNull(directive.WithdrawnAt);
            Assert.Equal(WorkflowInstanceStatus.Cancelled, await db.WorkflowInstances.Where(i => i.Id == directive.InstanceId).Select(i => i.Status).SingleAsync(Ct));
            Assert.All(await db.Tasks.Where(t => t.DirectiveId == id).ToListAsync(Ct), t => Assert.Equal((UnitTaskStatus.Cancelled, null), (t.Status, t.NextActionAt)));
            Assert.Equal(Reason, await db.Journal.Where(j => j.DirectiveId == id && j.Action == "directive.withdrawn").Select(j => j.Detail).SingleAsync(Ct));
        }

        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        Assert.Equal("Cancelled", detail.GetProperty("status").GetString());
        Assert.Equal(Reason, detail.GetProperty("withdrawal").GetProperty("reason").GetString());

        // One email per unit, not per task, each naming the directive and the reason; nothing else is sent about it afterwards.
        await DispatchAsync(app);
        await using (var db = app.Database.CreateContext())
        {
            var withdrawn = await db.Outbox.Where(m => m.DirectiveId == id && m.Template == EmailTemplates.Withdrawn).ToListAsync(Ct);
            Assert.Equal(units, withdrawn.Count);
            Assert.Equal(units, withdrawn.Select(m => m.TaskId).Distinct().Count());
            Assert.All(withdrawn, m =>
            {
                Assert.Equal(OutboxStatus.Sent, m.Status);
                Assert.Contains("Chỉ thị số 21/CT-UBND", m.Subject, StringComparison.Ordinal);
                Assert.Contains(Reason, m.TextBody, StringComparison.Ordinal);
            });
            Assert.Contains(withdrawn, m => m.Subject.StartsWith("[Thu hồi văn bản]", StringComparison.Ordinal));
        }

        using var again = await issuer.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = Reason }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("directive-ended", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Supporting_units_still_to_contribute_are_told_once_each_as_the_lead_units_are(string provider)
    {
        // Regression: only lead units were told. A supporting unit has no task of its own, but it was asked by email to
        // contribute to the lead's task, and that part stopped with it.
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, NoSchedule);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var id = await IssueItemsAsync(issuer, "Thông báo kết luận số 121-TB/TU", new object[]
        {
            new { content = "Hoàn thành phương án giải phóng mặt bằng.", leadUnit = "01-COMMITTEE-SXD", supportingUnits = new[] { "01-COMMITTEE-STC", "00070-COMMITTEE" }, deadline = 20 },
            new { content = "Rà soát các điểm ùn tắc.", leadUnit = "00070-COMMITTEE", supportingUnits = new[] { "01-COMMITTEE-SXD", "01-COMMITTEE-SQHKT" }, deadline = 20 },
            new { content = "Lập kế hoạch vốn.", leadUnit = "01-COMMITTEE-SXD", supportingUnits = new[] { "01-COMMITTEE-STC", "01-COMMITTEE-SKHCN" }, deadline = 20 },
        });
        await DispatchAsync(app);
        var (stc, sqhkt, skhcn) = (await UnitIdAsync(app, "01-COMMITTEE-STC"), await UnitIdAsync(app, "01-COMMITTEE-SQHKT"), await UnitIdAsync(app, "01-COMMITTEE-SKHCN"));
        await using (var db = app.Database.CreateContext())
        {
            // A supporting unit that has given its contribution has nothing left to stop.
            var done = await db.TaskSupportingUnits.SingleAsync(s => s.UnitId == skhcn && db.Tasks.Any(t => t.Id == s.TaskId && t.DirectiveId == id), Ct);
            done.Contribution = "Đã gửi số liệu.";
            await db.SaveChangesAsync(Ct);
        }

        using var response = await issuer.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = Reason }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        // The two lead units (SXD also supports a task: it is told once) and the two supporting units still to contribute.
        Assert.Equal(4, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("unitsNotified").GetInt32());

        await DispatchAsync(app);
        await using var check = app.Database.CreateContext();
        var leads = await check.Tasks.Where(t => t.DirectiveId == id).ToDictionaryAsync(t => t.Id, t => t.UnitId, Ct);
        var withdrawn = await check.Outbox.Where(m => m.DirectiveId == id && m.Template == EmailTemplates.Withdrawn).ToListAsync(Ct);
        var told = withdrawn.Select(m => AssignmentKeys.SupportingUnitOf(m.DedupeKey) ?? leads[m.TaskId!.Value]).Order().ToList();
        Assert.Equal(new[] { await UnitIdAsync(app, "01-COMMITTEE-SXD"), await UnitIdAsync(app, "00070-COMMITTEE"), stc, sqhkt }.Order(), told);
        Assert.All(withdrawn, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var toSupporting = withdrawn.Where(m => AssignmentKeys.SupportingUnitOf(m.DedupeKey) is not null).ToList();
        Assert.Equal(2, toSupporting.Count);
        Assert.All(toSupporting, m =>
        {
            Assert.Contains("dừng phối hợp", m.Subject, StringComparison.Ordinal);
            Assert.Contains("Phần phối hợp của đơn vị", m.TextBody, StringComparison.Ordinal);
            Assert.Contains(Reason, m.TextBody, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_task_notices_still_queued_when_the_directive_is_withdrawn_are_skipped_and_only_the_withdrawal_is_sent(string provider)
    {
        // Regression: the queued "Nhiệm vụ mới" and "Phối hợp" notices went out after the withdrawal, so a unit got a new
        // task and, minutes later, the news that it was withdrawn.
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, NoSchedule);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var id = await IssueItemsAsync(issuer, "Thông báo kết luận số 122-TB/TU", new object[]
        {
            new { content = "Hoàn thành phương án giải phóng mặt bằng.", leadUnit = "01-COMMITTEE-SXD", supportingUnits = new[] { "01-COMMITTEE-STC" }, deadline = 20 },
            new { content = "Rà soát các điểm ùn tắc.", leadUnit = "00070-COMMITTEE", deadline = 20 },
        });
        using var response = await issuer.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = Reason }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));

        await DispatchAsync(app);

        await using var db = app.Database.CreateContext();
        var rows = await db.Outbox.Where(m => m.DirectiveId == id).Select(m => new { m.Template, m.Status }).ToListAsync(Ct);
        var assignments = rows.Where(m => m.Template is EmailTemplates.Assigned or EmailTemplates.Supporting).ToList();
        Assert.Equal(2, assignments.Count(m => m.Template == EmailTemplates.Assigned));
        Assert.Single(assignments, m => m.Template == EmailTemplates.Supporting);
        Assert.All(assignments, m => Assert.Equal(OutboxStatus.Skipped, m.Status));
        Assert.Equal(3, rows.Count(m => m.Template == EmailTemplates.Withdrawn));
        Assert.All(rows.Where(m => m.Template == EmailTemplates.Withdrawn), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_withdrawal_without_a_reason_or_by_anyone_but_the_issuing_units_issuers_and_administrators_is_refused_and_changes_nothing()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: NoSchedule);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        using var otherIssuer = await app.CreateClientForAsync("01-PARTY");
        using var ward = await app.CreateClientForAsync("00070-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Chỉ thị số 23/CT-UBND", "Phòng cháy", new { deadlineDays = 10 });
        var path = $"/api/directives/{id}/withdraw";

        using var blank = await issuer.PostAsJsonAsync(path, new { reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Cần nêu lý do thu hồi.", (await blank.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("reason")[0].GetString());

        using var other = await otherIssuer.PostAsJsonAsync(path, new { reason = Reason }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("withdraw-forbidden", (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        using var byWard = await ward.PostAsJsonAsync(path, new { reason = Reason }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byWard.StatusCode);

        using var missing = await issuer.PostAsJsonAsync($"/api/directives/{Guid.NewGuid()}/withdraw", new { reason = Reason }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await using var db = app.Database.CreateContext();
        var directive = await db.Directives.SingleAsync(d => d.Id == id, Ct);
        Assert.Null(directive.WithdrawnAt);
        Assert.Equal(WorkflowInstanceStatus.Running, await db.WorkflowInstances.Where(i => i.Id == directive.InstanceId).Select(i => i.Status).SingleAsync(Ct));
        Assert.DoesNotContain(await db.Tasks.Where(t => t.DirectiveId == id).Select(t => t.Status).ToListAsync(Ct), s => s == UnitTaskStatus.Cancelled);
        Assert.False(await db.OutboxModels.AnyAsync(m => m.NoticeTemplate == EmailTemplates.Withdrawn, Ct));
    }

    private static Task<Guid> IssueItemsAsync(HttpClient issuer, string document, object[] items) =>
        DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "conclusion-items", document, "Về giải quyết các điểm nghẽn giao thông", new { items }, "ConclusionNotice");

    private static async Task<Guid> UnitIdAsync(DirectiveFlowWebFactory app, string code)
    {
        await using var db = app.Database.CreateContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    private static async Task DispatchAsync(DirectiveFlowWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);
    }
}
